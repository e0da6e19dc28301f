package org.athanor.instruments.config;

/**
 * MQTT 5 settings: TLS (also implied by an {@code ssl://} endpoint) with an optional trust store (PKCS12, password by
 * environment variable), the client id (stable, since the session is persistent), the session expiry, the request
 * timeout, and how long without a status message means offline (PROTOCOL.md: status at least every 2 s lab time;
 * RULES.md §7: a heartbeat older than 10 s blocks dispatch).
 */
public record MqttSettings(Boolean tls, String trustStore, String trustStorePasswordEnv, String clientId,
                           Long sessionExpiryS, Integer requestTimeoutMs, Integer heartbeatTimeoutMs) {

    public static MqttSettings defaults() {
        return new MqttSettings(null, null, null, null, null, null, null);
    }

    public boolean useTls(String endpoint) {
        return Boolean.TRUE.equals(tls) || (endpoint != null && endpoint.startsWith("ssl://"));
    }

    public long sessionExpiry() {
        return sessionExpiryS == null ? 3600 : sessionExpiryS;
    }

    public int requestTimeout() {
        return requestTimeoutMs == null ? 30_000 : requestTimeoutMs;
    }

    public int heartbeatTimeout() {
        return heartbeatTimeoutMs == null ? 10_000 : heartbeatTimeoutMs;
    }
}
