package nl.bdss.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/** Which ids name a demo client, and that a configured client always wins over one. */
class LocalDemoClientsTest {

    private static final RegisteredClient CONFIGURED_3311 = RegisteredClient.withId("configured-3311")
            .clientId("insurer-3311")
            .clientSecret("{noop}a-real-secret")
            .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
            .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
            .scope("insurer")
            .build();

    private final LocalDemoClients clients = new LocalDemoClients(new InMemoryRegisteredClientRepository(
            CONFIGURED_3311));

    @Test
    void anInsurerDemoClient_hasTheConventionalSecret_theInsurerScope_andItsUzoviAsASetting() {
        RegisteredClient client = clients.findByClientId("insurer-7029");

        assertThat(client.getId()).isEqualTo("local-demo-insurer-7029");
        assertThat(client.getClientSecret()).isEqualTo("{noop}local-demo-secret-insurer-7029");
        assertThat(client.getScopes()).containsExactly("insurer");
        assertThat(client.getAuthorizationGrantTypes()).containsExactly(AuthorizationGrantType.CLIENT_CREDENTIALS);
        assertThat(client.getClientAuthenticationMethods())
                .containsExactly(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat((String) client.getClientSettings().getSetting(AuthorizationServerSecurity.UZOVI_SETTING))
                .isEqualTo("7029");
        assertThat((Object) client.getClientSettings().getSetting(AuthorizationServerSecurity.AGB_SETTING)).isNull();
    }

    @Test
    void aProviderDemoClient_hasTheProviderScope_andItsAgbAsASetting() {
        RegisteredClient client = clients.findByClientId("provider-01234567");

        assertThat(client.getClientSecret()).isEqualTo("{noop}local-demo-secret-provider-01234567");
        assertThat(client.getScopes()).containsExactly("provider");
        assertThat((String) client.getClientSettings().getSetting(AuthorizationServerSecurity.AGB_SETTING))
                .isEqualTo("01234567");
        assertThat((Object) client.getClientSettings().getSetting(AuthorizationServerSecurity.UZOVI_SETTING))
                .isNull();
    }

    @Test
    void theConfiguredClientWins_evenWhereItsIdLooksLikeADemoClient() {
        assertThat(clients.findByClientId("insurer-3311")).isSameAs(CONFIGURED_3311);
        assertThat(clients.findById("configured-3311")).isSameAs(CONFIGURED_3311);
        assertThat(clients.findById("local-demo-insurer-3311")).as("no demo twin of a configured client").isNull();
    }

    @Test
    void aDemoClientIsFoundByItsIdToo_asAuthorizationsReferToIt() {
        assertThat(clients.findById("local-demo-provider-12345678").getClientId()).isEqualTo("provider-12345678");
        assertThat(clients.findById("local-demo-insurer-12")).isNull();
        assertThat(clients.findById("provider-12345678")).as("the client id is not the registration id").isNull();
    }

    @Test
    void idsWithoutAValidCode_nameNoDemoClient() {
        assertThat(clients.findByClientId("insurer-12")).isNull();
        assertThat(clients.findByClientId("insurer-70291")).isNull();
        assertThat(clients.findByClientId("insurer-٧٠٢٩")).as("Arabic-Indic digits are not digits here").isNull();
        assertThat(clients.findByClientId("insurer- 7029")).isNull();
        assertThat(clients.findByClientId("provider-1234")).isNull();
        assertThat(clients.findByClientId("provider-1234567a")).isNull();
        assertThat(clients.findByClientId("Insurer-7029")).isNull();
        assertThat(clients.findByClientId("operator")).isNull();
        assertThat(clients.findByClientId("ttp-vektis")).isNull();
    }

    @Test
    void saving_goesToTheConfiguredRepository() {
        RegisteredClient demo = clients.findByClientId("insurer-7040");
        RegisteredClient upgraded = RegisteredClient.from(demo).clientSecret("{bcrypt}stored").build();

        clients.save(upgraded);

        assertThat(clients.findByClientId("insurer-7040").getClientSecret()).isEqualTo("{bcrypt}stored");
        assertThat(clients.findById("local-demo-insurer-7040").getClientSecret()).isEqualTo("{bcrypt}stored");
    }
}
