package org.athanor.instruments.config;

/**
 * OPC UA connection settings: security policy ({@code None}, {@code Basic256Sha256}, {@code Aes128_Sha256_RsaOaep},
 * {@code Aes256_Sha256_RsaPss}), message security mode ({@code None}, {@code Sign}, {@code SignAndEncrypt}),
 * user identity ({@code anonymous} or {@code username}, with the user from {@link Credentials}), the namespace URI
 * in which un-prefixed browse names and PROTOCOL.md's default node ids live, a directory of trusted server
 * certificates (DER/PEM) for secured policies, and the request timeout.
 */
public record OpcUaSettings(String securityPolicy, String securityMode, String identity, String namespaceUri,
                            String trustedCertificatesDir, Integer requestTimeoutMs) {

    public static final String DEFAULT_NAMESPACE = "urn:athanor:lab";

    public static OpcUaSettings defaults() {
        return new OpcUaSettings(null, null, null, null, null, null);
    }

    public String policy() {
        return securityPolicy == null ? "None" : securityPolicy;
    }

    public String mode() {
        return securityMode == null ? ("None".equals(policy()) ? "None" : "SignAndEncrypt") : securityMode;
    }

    public String identityType() {
        return identity == null ? "anonymous" : identity;
    }

    public String namespace() {
        return namespaceUri == null ? DEFAULT_NAMESPACE : namespaceUri;
    }

    public int requestTimeout() {
        return requestTimeoutMs == null ? 10_000 : requestTimeoutMs;
    }
}
