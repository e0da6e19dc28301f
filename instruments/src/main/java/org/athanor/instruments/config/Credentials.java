package org.athanor.instruments.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where an instrument's credentials come from. The user name may be written in the file; a secret never is: only the
 * name of an environment variable ({@code passwordEnv}) or of a file ({@code passwordFile}, relative to the lab file)
 * that holds it, read when the driver connects.
 */
public record Credentials(String username, String passwordEnv, String passwordFile) {

    /** The password, resolved now from the environment or the file; empty when none is configured. */
    public Optional<String> password(Map<String, String> environment, Path baseDir) {
        if (passwordEnv != null) {
            String v = environment.get(passwordEnv);
            if (v == null) {
                throw new IllegalStateException("environment variable " + passwordEnv + " (password for user '" + username
                        + "') is not set");
            }
            return Optional.of(v);
        }
        if (passwordFile != null) {
            Path p = baseDir == null ? Path.of(passwordFile) : baseDir.resolve(passwordFile);
            try {
                return Optional.of(Files.readString(p, StandardCharsets.UTF_8).strip());
            } catch (IOException e) {
                throw new IllegalStateException("cannot read password file " + p + ": " + e.getMessage(), e);
            }
        }
        return Optional.empty();
    }

    public Optional<String> password() {
        return password(System.getenv(), null);
    }
}
