package dev.switchboard.desktop.admin;

import dev.switchboard.api.AdminUserView;

/** One line of the People table, with its texts made once: role and team by name, skills as "skill=level". */
public record PersonRow(AdminUserView user, String roleText, String teamText, String disabledText,
                        String skillsText) {

    public String username() {
        return user.username();
    }

    public String name() {
        return user.displayName();
    }

    /** Whether the filter text (lower-cased) is in any column the administrator sees. */
    boolean matches(String lowerFilter) {
        return lowerFilter.isEmpty() || (user.username() + " " + user.displayName() + " " + roleText + " " + teamText
                + " " + skillsText).toLowerCase(java.util.Locale.ROOT).contains(lowerFilter);
    }
}
