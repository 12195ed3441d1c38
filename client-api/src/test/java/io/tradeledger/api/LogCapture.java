package io.tradeledger.api;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/**
 * The application's log lines while a test runs: attached to the root logger once the application
 * has started (Dropwizard configures logging on start), detached by {@link #close}.
 */
final class LogCapture implements AutoCloseable {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final Logger root;

  private LogCapture() {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    appender.setContext(context);
    appender.start();
    root.addAppender(appender);
  }

  static LogCapture start() {
    return new LogCapture();
  }

  List<ILoggingEvent> events() {
    return List.copyOf(appender.list);
  }

  /** Every captured line as written, with the stack traces' messages. */
  String text() {
    StringBuilder text = new StringBuilder();
    for (ILoggingEvent event : events()) {
      text.append(event.getLevel()).append(' ').append(event.getFormattedMessage()).append('\n');
      for (var proxy = event.getThrowableProxy(); proxy != null; proxy = proxy.getCause()) {
        text.append(proxy.getClassName()).append(": ").append(proxy.getMessage()).append('\n');
      }
    }
    return text.toString();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
