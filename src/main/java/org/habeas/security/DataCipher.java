package org.habeas.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Encrypts defenders' personal data at rest: AES-256-GCM with the key of {@code HABEAS_DATA_KEY} (32
 * random bytes, Base64), a fresh nonce per value, and the case number bound in, so that a value cannot
 * be moved to another case unnoticed. Without a key Habeas refuses to start.
 */
@Component
public class DataCipher {

  private static final Logger log = LoggerFactory.getLogger(DataCipher.class);
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKeySpec key;
  private final SecureRandom random = new SecureRandom();

  public DataCipher(@Value("${habeas.data-key:}") String base64Key, Environment environment) {
    if (base64Key.isBlank()) {
      throw new IllegalStateException("HABEAS_DATA_KEY is not set: Habeas encrypts defenders' personal data "
          + "with it. Generate one with `openssl rand -base64 32`, keep it safe (without it the data cannot be "
          + "read) and start Habeas with HABEAS_DATA_KEY=<key>.");
    }
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64Key.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("HABEAS_DATA_KEY is not Base64; generate one with `openssl rand -base64 32`");
    }
    if (bytes.length != 32) {
      throw new IllegalStateException("HABEAS_DATA_KEY must be 32 bytes (256 bits) in Base64, not " + bytes.length
          + "; generate one with `openssl rand -base64 32`");
    }
    this.key = new SecretKeySpec(bytes, "AES");
    if (environment.acceptsProfiles(Profiles.of("demo"))) {
      log.warn("DEMO PROFILE: defenders' personal data is encrypted with the PUBLIC DEMO KEY. Anyone can read it. "
          + "Never keep real cases under the demo profile.");
    }
  }

  public String seal(String plain, String caseNumber) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      random.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(caseNumber.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      return Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Could not encrypt personal data", e);
    }
  }

  public String open(String sealed, String caseNumber) {
    try {
      byte[] bytes = Base64.getDecoder().decode(sealed);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(caseNumber.getBytes(StandardCharsets.UTF_8));
      return new String(cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Personal data of case " + caseNumber + " cannot be decrypted: wrong "
          + "HABEAS_DATA_KEY, or the data was altered", e);
    }
  }
}
