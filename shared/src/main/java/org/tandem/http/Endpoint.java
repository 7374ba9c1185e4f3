package org.tandem.http;

/** One route's behaviour: a request in, a reply out, or an {@code ApiError} thrown. */
@FunctionalInterface
public interface Endpoint {
  Reply handle(ApiRequest request);
}
