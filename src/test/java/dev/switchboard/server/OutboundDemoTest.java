package dev.switchboard.server;

import dev.switchboard.api.CampaignView;
import dev.switchboard.client.HttpSwitchboardApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo gives the outbound demo account a call list of demo customers to work, once. */
@Timeout(60)
class OutboundDemoTest {

    @Test
    void aDemoDatabaseHasOneCampaignOverItsCustomers() {
        try (SwitchboardServer server = SwitchboardServer.start(ServerOptions.inMemory("outbound-demo", 150))) {
            HttpSwitchboardApi outbound = new HttpSwitchboardApi(server.baseUrl());
            outbound.login("outbound", "outbound");
            List<CampaignView> campaigns = outbound.outboundCampaigns();
            assertThat(campaigns).extracting(CampaignView::name).containsExactly("Winter renewals");
            assertThat(campaigns.get(0).progress().records()).isEqualTo(OutboundDemo.RECORDS);
            assertThat(campaigns.get(0).dialled()).isTrue();
        }
    }
}
