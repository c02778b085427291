package io.fleetplan.adapters.cli;

/** A setting with a value that is not allowed: reported as one line naming the setting, exit 2. */
final class SettingException extends RuntimeException {
    SettingException(String setting, String value, String allowed) {
        super("invalid setting " + setting + " (--" + setting + ", " + ConfigurationSource.environmentName(setting)
                + " or " + setting + "= in the properties file): '" + value + "'; allowed: " + allowed);
    }
}
