package dev.switchboard.domain;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
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
    void aKeyIsDisplayedAsParsingItWouldDisplayIt() throws Exception {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        int keys = 0;
        int withLeadingZero = 0;
        for (String region : phones.getSupportedRegions()) {
            for (PhoneNumberUtil.PhoneNumberType type : PhoneNumberUtil.PhoneNumberType.values()) {
                Phonenumber.PhoneNumber example = phones.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                String key = gb.phone(phones.format(example, PhoneNumberUtil.PhoneNumberFormat.E164)).orElse(null);
                if (key == null) {
                    continue;
                }
                keys++;
                if (example.hasItalianLeadingZero()) {
                    withLeadingZero++;
                }
                String parsed = phones.format(phones.parse(key, "GB"), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
                assertThat(gb.fromKey(key)).as(key).isNotNull();
                assertThat(gb.display(key)).as(key).isEqualTo(parsed);
            }
        }
        for (int code : phones.getSupportedGlobalNetworkCallingCodes()) {
            Phonenumber.PhoneNumber example = phones.getExampleNumberForNonGeoEntity(code);
            String key = example == null ? null
                    : gb.phone(phones.format(example, PhoneNumberUtil.PhoneNumberFormat.E164)).orElse(null);
            if (key != null) {
                keys++;
                assertThat(gb.display(key)).as(key)
                        .isEqualTo(phones.format(phones.parse(key, "GB"), PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL));
            }
        }
        assertThat(keys).isGreaterThan(1_000);
        assertThat(withLeadingZero).isPositive();
        assertThat(gb.display("+390612345678")).isEqualTo("+39 06 1234 5678");
    }

    @Test
    void whatIsNotAKeyIsParsedOrShownAsItIs() {
        assertThat(gb.fromKey("+44 7700 900123")).isNull();
        assertThat(gb.display("+44 7700 900123")).isEqualTo("+44 7700 900123");
        assertThat(gb.fromKey("07700900123")).isNull();
        assertThat(gb.display("07700900123")).isEqualTo("+44 7700 900123");
        assertThat(gb.fromKey("+")).isNull();
        assertThat(gb.fromKey("+4")).isNull();
        assertThat(gb.fromKey("+9991234567")).as("999 is no calling code").isNull();
        assertThat(gb.fromKey("+4477009001234567")).as("longer than E.164").isNull();
        assertThat(gb.display("anonymous")).isEqualTo("anonymous");
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
