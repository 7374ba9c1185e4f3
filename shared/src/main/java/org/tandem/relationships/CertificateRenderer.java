package org.tandem.relationships;

/** Lays a certificate out as a document; the relationships function binds the PDF one. */
public interface CertificateRenderer {
  /** The media type of what {@link #render} makes, e.g. {@code application/pdf}. */
  String contentType();

  byte[] render(Certificate certificate);
}
