package dev.switchboard.server;

import dev.switchboard.api.CustomerMergeView;
import dev.switchboard.api.CustomerSummary;
import dev.switchboard.api.DuplicateProbe;
import dev.switchboard.api.DuplicateView;
import dev.switchboard.api.NewContactPoint;
import dev.switchboard.api.NewCustomerRequest;
import dev.switchboard.client.ApiException;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.ContactKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Data quality where a customer is created, over the API against a real server: the salutation and
 * postcode are kept in one spelling (the postcode as the centre's country, GB here, writes it), a
 * value that cannot be read is a 400 naming its field with nothing written, and the desktop's client
 * asks for duplicates and merges them.
 */
@Timeout(90)
class NewCustomerQualityTest {
    private SwitchboardServer server;
    private HttpSwitchboardApi agent;
    private HttpSwitchboardApi supervisor;

    @BeforeEach
    void start() {
        server = SwitchboardServer.start(ServerOptions.inMemory("quality-" + System.nanoTime(), 0));
        agent = new HttpSwitchboardApi(server.baseUrl());
        agent.login("agent", "agent");
        supervisor = new HttpSwitchboardApi(server.baseUrl());
        supervisor.login("supervisor", "supervisor");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theSalutationAndPostcodeAreStoredInTheirOneSpelling() throws SQLException {
        CustomerSummary created = agent.createCustomer(request("Mary", "Somerville", "+447700900301", " dr. ",
                "sw1a1aa"));

        assertThat(created.address().postcode()).isEqualTo("SW1A 1AA");
        assertThat(created.address().country()).isEqualTo("GB");
        assertThat(column("salutation", created.id())).isEqualTo("Dr");
        assertThat(column("postcode", created.id())).isEqualTo("SW1A 1AA");
        assertThat(column("country", created.id())).isEqualTo("GB");
        assertThat(agent.customer(created.id()).address().postcode()).isEqualTo("SW1A 1AA");
    }

    @Test
    void neitherGivenLeavesThemEmptyAsBefore() throws SQLException {
        CustomerSummary created = agent.createCustomer(new NewCustomerRequest("Ada", "Byron", null,
                List.of(new NewContactPoint(ContactKind.PHONE, "+447700900302", null)), null));
        assertThat(column("salutation", created.id())).isEmpty();
        assertThat(column("postcode", created.id())).isEmpty();
        assertThat(column("country", created.id())).isEmpty();
    }

    @Test
    void anUnknownSalutationIsA400NamingItAndNothingIsWritten() throws SQLException {
        int before = customers();
        ApiException refused = catchThrowableOfType(ApiException.class, () -> agent.createCustomer(
                request("Mary", "Somerville", "+447700900303", "Lord", "SW1A 1AA")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().field()).isEqualTo("salutation");
        assertThat(refused.error().message()).contains("'Lord' is not a salutation").contains("Mr, Mrs");
        assertThat(customers()).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM contact_point WHERE address = ?", "+447700900303")).isZero();
    }

    @Test
    void aPostcodeTheCountryDoesNotWriteIsA400NamingItAndNothingIsWritten() throws SQLException {
        int before = customers();
        ApiException refused = catchThrowableOfType(ApiException.class, () -> agent.createCustomer(
                request("Mary", "Somerville", "+447700900304", "Mrs", "12345")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.error().field()).isEqualTo("postcode");
        assertThat(refused.error().message()).contains("not a UK postcode");
        assertThat(customers()).isEqualTo(before);
        assertThat(count("SELECT COUNT(*) FROM contact_point WHERE address = ?", "+447700900304")).isZero();
    }

    @Test
    void theClientFindsDuplicatesAndASupervisorMergesOne() {
        CustomerSummary first = agent.createCustomer(request("Ann", "Archer", "+447700900305", "Ms", "M1 1AE"));
        CustomerSummary second = agent.createCustomer(request("Anne", "Archer", "+447700900306", null, "m11ae"));

        List<DuplicateView> probe = agent.duplicatesFor(new DuplicateProbe("Anne", "Archer", null, null,
                "M1 1AE", null));
        assertThat(probe).extracting(d -> d.customer().id()).containsExactly(second.id(), first.id());
        assertThat(probe.get(1).reasons()).containsExactly("similar name at the same postcode");
        List<DuplicateView> byPhone = agent.duplicatesFor(new DuplicateProbe(null, null, "07700 900305", null, null,
                null));
        assertThat(byPhone).singleElement().satisfies(d -> {
            assertThat(d.customer().id()).isEqualTo(first.id());
            assertThat(d.reasons()).containsExactly("same phone number +447700900305");
        });
        assertThat(agent.duplicatesOf(first.id())).extracting(d -> d.customer().id()).containsExactly(second.id());

        ApiException forbidden = catchThrowableOfType(ApiException.class,
                () -> agent.mergeCustomer(first.id(), second.id()));
        assertThat(forbidden.status()).isEqualTo(403);

        CustomerMergeView merged = supervisor.mergeCustomer(first.id(), second.id());
        assertThat(merged.mergedId()).isEqualTo(second.id());
        assertThat(merged.moved().contactPoints()).isEqualTo(1);
        assertThat(merged.customer().contactPoints()).extracting(p -> p.value())
                .containsExactlyInAnyOrder("+447700900305", "+447700900306");
        assertThat(agent.duplicatesOf(first.id())).isEmpty();
    }

    private static NewCustomerRequest request(String first, String last, String phone, String salutation,
                                              String postcode) {
        return new NewCustomerRequest(first, last, null, List.of(new NewContactPoint(ContactKind.PHONE, phone, null)),
                null, salutation, postcode);
    }

    private int customers() throws SQLException {
        return count("SELECT COUNT(*) FROM customer");
    }

    private String column(String name, long id) throws SQLException {
        try (Connection c = server.database().connection();
             PreparedStatement ps = c.prepareStatement("SELECT " + name + " FROM customer WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private int count(String query, Object... args) throws SQLException {
        try (Connection c = server.database().connection(); PreparedStatement ps = c.prepareStatement(query)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
