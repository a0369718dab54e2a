package dev.switchboard.security;

import dev.switchboard.server.ApiProblem;
import dev.switchboard.server.security.PasswordPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What an administrator may set as a password, and how a refusal reads. */
class PasswordPolicyTest {
    @Test
    void aLongUnusualPasswordPasses() {
        assertThat(PasswordPolicy.reasons("jsmith", "copper kettle on the hob")).isEmpty();
        PasswordPolicy.check("jsmith", "Tr4mline-Orchard-92");
    }

    @Test
    void tooShortIsRefused() {
        assertThat(PasswordPolicy.reasons("jsmith", "Xq7!vb2")).containsExactly("a password needs at least 10 characters");
        // ten characters are enough
        assertThat(PasswordPolicy.reasons("jsmith", "Xq7!vb2Lm0")).isEmpty();
    }

    @Test
    void theUserNameInsideOrReversedIsRefused() {
        assertThat(PasswordPolicy.reasons("robin.hale", "robin.hale2025!")).contains("a password must not contain the user name");
        assertThat(PasswordPolicy.reasons("Robin", "xx-NIBOR-xx-long")).contains("a password must not contain the user name");
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCaseOrTrailingDigits() {
        assertThat(PasswordPolicy.reasons("jsmith", "Password123")).contains("this password is on the lists attackers try first");
        assertThat(PasswordPolicy.reasons("jsmith", "QWERTYUIOP")).contains("this password is on the lists attackers try first");
        assertThat(PasswordPolicy.reasons("jsmith", "welcome12345!")).contains("this password is on the lists attackers try first");
        assertThat(PasswordPolicy.reasons("jsmith", "aaaaaaaaaaaa")).contains("a password needs at least 4 different characters");
    }

    @Test
    void moreThan72BytesIsRefusedBecauseBcryptWouldIgnoreTheRest() {
        String seventyTwo = "a1b2c3d4e5".repeat(7) + "zz";
        assertThat(PasswordPolicy.reasons("jsmith", seventyTwo)).isEmpty();
        assertThat(PasswordPolicy.reasons("jsmith", seventyTwo + "z")).anyMatch(r -> r.contains("at most 72 bytes"));
        // 25 characters but 75 bytes: the limit is in bytes
        assertThat(PasswordPolicy.reasons("jsmith", "€".repeat(25))).anyMatch(r -> r.contains("at most 72 bytes"));
    }

    @Test
    void checkThrowsA400OnThePasswordFieldWithEveryReason() {
        assertThatThrownBy(() -> PasswordPolicy.check("admin", "admin"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.field()).isEqualTo("password");
                    assertThat(p.getMessage()).contains("at least 10 characters").contains("user name");
                });
        assertThatThrownBy(() -> PasswordPolicy.check("admin", null)).isInstanceOf(ApiProblem.class)
                .hasMessage("a password is required");
    }
}
