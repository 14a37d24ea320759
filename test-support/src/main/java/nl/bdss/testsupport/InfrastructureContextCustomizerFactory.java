package nl.bdss.testsupport;

import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/** Applies {@link UsesInfrastructure}: adds the infrastructure's properties ahead of every other source. */
public class InfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass, List<ContextConfigurationAttributes> configAttributes) {
        return MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .get(UsesInfrastructure.class)
                .synthesize(annotation -> true)
                .map(annotation -> (ContextCustomizer) new Customizer(annotation.database()))
                .orElse(null);
    }

    private record Customizer(String database) implements ContextCustomizer {
        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            Map<String, Object> properties = Infrastructure.get().springProperties(database);
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("bdss-infrastructure", properties));
        }
    }
}
