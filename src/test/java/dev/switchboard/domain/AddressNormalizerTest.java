package dev.switchboard.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AddressNormalizerTest {
    private final AddressNormalizer gb = new AddressNormalizer("GB");

    @Test
    void phoneNumbersInAnyCommonFormBecomeE164() {
        assertThat(gb.phone("07700 900123")).contains("+447700900123");
        assertThat(gb.phone("+44 (0)7700 900123")).contains("+447700900123");
        assertThat(gb.phone("0044 7700-900-123")).contains("+447700900123");
        assertThat(gb.phone("tel:+447700900123")).contains("+447700900123");
        assertThat(gb.phone("sip:+447700900123@trunk.example.net")).contains("+447700900123");
        assertThat(gb.phone("+1 (415) 555-0132")).contains("+14155550132");
        assertThat(new AddressNormalizer("US").phone("(415) 555-0132")).contains("+14155550132");
    }

    @Test
    void somethingThatIsNotANumberHasNoKey() {
        assertThat(gb.phone("anonymous")).isEmpty();
        assertThat(gb.phone("12")).isEmpty();
        assertThat(gb.phone("")).isEmpty();
        assertThat(gb.normalize(ContactKind.PHONE, null)).isEmpty();
    }

    @Test
    void emailIsTrimmedLowerCasedAndUnwrapped() {
        assertThat(gb.email("  Jane.Doe@Example.COM ")).contains("jane.doe@example.com");
        assertThat(gb.email("\"Jane Doe\" <Jane.Doe@Example.com>")).contains("jane.doe@example.com");
        assertThat(gb.email("mailto:jane@example.org")).contains("jane@example.org");
        assertThat(gb.email("not an address")).isEmpty();
        assertThat(gb.email("jane@localhost")).isEmpty();
    }

    @Test
    void handlesGetOneLeadingAtAndLowerCase() {
        assertThat(gb.handle("JaneDoe")).contains("@janedoe");
        assertThat(gb.handle("@Jane.Doe_84")).contains("@jane.doe_84");
        assertThat(gb.handle("two words")).isEmpty();
    }

    @Test
    void theRegionOfANumberIsKnown() {
        assertThat(gb.regionOf("+4930123456")).contains("DE");
        assertThat(gb.regionOf("+442079460000")).contains("GB");
        assertThat(gb.display("+447700900123")).isEqualTo("+44 7700 900123");
    }

    @Test
    void searchTextIsReadAsTheMostSpecificThingItCanBe() {
        assertThat(SearchQuery.parse("T-123", gb)).contains(new SearchQuery(SearchQuery.Kind.TICKET, "123"));
        assertThat(SearchQuery.parse("#77", gb)).contains(new SearchQuery(SearchQuery.Kind.TICKET, "77"));
        assertThat(SearchQuery.parse("Jane@Example.com", gb)).contains(new SearchQuery(SearchQuery.Kind.EMAIL, "jane@example.com"));
        assertThat(SearchQuery.parse("@jane", gb)).contains(new SearchQuery(SearchQuery.Kind.HANDLE, "@jane"));
        assertThat(SearchQuery.parse("07700 900123", gb)).contains(new SearchQuery(SearchQuery.Kind.PHONE, "+447700900123"));
        assertThat(SearchQuery.parse("  Mary   Ann ", gb)).contains(new SearchQuery(SearchQuery.Kind.NAME, "mary ann"));
        assertThat(SearchQuery.parse("x", gb)).isEmpty();
    }
}
