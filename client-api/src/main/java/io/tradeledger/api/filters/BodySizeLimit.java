package io.tradeledger.api.filters;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses bodies above a limit with 413: at once when Content-Length says so, otherwise while
 * reading a chunked body. Document uploads (octet-stream or multipart) have a larger limit.
 */
public final class BodySizeLimit implements ContainerRequestFilter {
  private final long jsonLimit;
  private final long uploadLimit;

  public BodySizeLimit(long jsonLimit, long uploadLimit) {
    this.jsonLimit = jsonLimit;
    this.uploadLimit = uploadLimit;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    MediaType type = request.getMediaType();
    boolean upload =
        MediaType.APPLICATION_OCTET_STREAM_TYPE.isCompatible(type)
            || MediaType.MULTIPART_FORM_DATA_TYPE.isCompatible(type);
    long limit = upload ? uploadLimit : jsonLimit;
    if (request.getLength() > limit) {
      throw tooLarge(limit);
    }
    request.setEntityStream(new Limited(request.getEntityStream(), limit));
  }

  private static WebApplicationException tooLarge(long limit) {
    return new WebApplicationException("the request body exceeds " + limit + " bytes", 413);
  }

  private static final class Limited extends FilterInputStream {
    private final long limit;
    private long read;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int value = super.read();
      if (value >= 0) {
        count(1);
      }
      return value;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int count = super.read(buffer, offset, length);
      if (count > 0) {
        count(count);
      }
      return count;
    }

    private void count(long bytes) {
      read += bytes;
      if (read > limit) {
        throw tooLarge(limit);
      }
    }
  }
}
