package dev.switchboard.server;

import dev.switchboard.api.CampaignView;
import dev.switchboard.client.HttpSwitchboardApi;
import dev.switchboard.domain.outbound.DiallingMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo gives the outbound demo account call lists of demo customers to work, once: one to preview, one the server dials. */
@Timeout(60)
class OutboundDemoTest {

    @Test
    void aDemoDatabaseHasAPreviewAndAProgressiveCampaignOverItsCustomers() {
        try (SwitchboardServer server = SwitchboardServer.start(ServerOptions.inMemory("outbound-demo", 150))) {
            HttpSwitchboardApi outbound = new HttpSwitchboardApi(server.baseUrl());
            outbound.login("outbound", "outbound");
            List<CampaignView> campaigns = outbound.outboundCampaigns();
            assertThat(campaigns).extracting(CampaignView::name).containsExactly("Winter renewals", "Service check-in");
            assertThat(campaigns).extracting(CampaignView::mode).containsExactly(DiallingMode.PREVIEW,
                    DiallingMode.PROGRESSIVE);
            assertThat(campaigns).allSatisfy(c -> {
                assertThat(c.progress().records()).isEqualTo(OutboundDemo.RECORDS);
                assertThat(c.dialled()).isTrue();
            });
        }
    }
}
