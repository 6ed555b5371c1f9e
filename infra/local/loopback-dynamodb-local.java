import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.Set;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * Starts DynamoDB Local (same arguments as its own main) listening on 127.0.0.1 only. The jar has no host
 * option: its Jetty server is built for all interfaces, so this binds the server's one connector to the
 * loopback address before it starts, and answers 421 to a request whose Host is not a loopback name with
 * the server's port (a page on another name that DNS rebinding pointed at 127.0.0.1).
 * Compiled once by infra/local/dynamodb-local.ts (javac), then run in place of the jar's main class.
 */
class LoopbackDynamoDbLocal {
  public static void main(String[] args) throws Exception {
    DynamoDBProxyServer proxy = ServerRunner.createServerFromCommandLineArgs(args);
    Field field = DynamoDBProxyServer.class.getDeclaredField("server");
    field.setAccessible(true);
    Server server = (Server) field.get(proxy);
    Connector[] connectors = server.getConnectors();
    if (connectors.length == 0) throw new IllegalStateException("DynamoDB Local built no connector");
    int port = -1;
    for (Connector connector : connectors) {
      if (!(connector instanceof ServerConnector)) {
        throw new IllegalStateException("unexpected connector " + connector.getClass().getName());
      }
      ServerConnector serverConnector = (ServerConnector) connector;
      serverConnector.setHost("127.0.0.1");
      port = serverConnector.getPort();
    }
    Set<String> hosts = Set.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port);
    HandlerWrapper loopbackHostOnly = new HandlerWrapper() {
      @Override
      public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
          throws IOException, javax.servlet.ServletException {
        String host = request.getHeader("Host");
        if (host == null || !hosts.contains(host.toLowerCase())) {
          base.setHandled(true);
          response.sendError(421, "Misdirected Request");
          return;
        }
        super.handle(target, base, request, response);
      }
    };
    loopbackHostOnly.setHandler(server.getHandler());
    server.setHandler(loopbackHostOnly);
    proxy.start();
  }
}
