package nl.bdss.settlement.sepa;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * The official ISO 20022 schemas the bank files are checked against: pain.001.001.09 for what we send, pain.002.001.10
 * for what a bank answers. They are the Standards Editor's XSDs, read from the test classpath.
 */
public enum OfficialXsd {
    PAIN_001_001_09("pain.001.001.09.xsd"),
    PAIN_002_001_10("pain.002.001.10.xsd");

    private final Schema schema;

    OfficialXsd(String resource) {
        URL location = OfficialXsd.class.getClassLoader().getResource(resource);
        if (location == null) {
            throw new IllegalStateException(resource + " is not on the test classpath");
        }
        try {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            this.schema = factory.newSchema(location);
        } catch (SAXException e) {
            throw new IllegalStateException(resource + " does not load", e);
        }
    }

    /** Every violation of the schema in the document, each with its line; empty when the document is valid. */
    public List<String> violations(String xml) {
        List<String> found = new ArrayList<>();
        Validator validator = schema.newValidator();
        validator.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) {
            }

            @Override
            public void error(SAXParseException e) {
                found.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(SAXParseException e) {
                found.add("line " + e.getLineNumber() + ": " + e.getMessage());
            }
        });
        try {
            validator.validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            if (found.isEmpty()) {
                found.add(e.getMessage());
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return found;
    }
}
