// Round trip for openapi-generator's java client (native library, Jackson): decode every case
// into its model class with the client's own ObjectMapper, encode it again.
// Usage: java RoundTrip CASES OUT
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import org.openapitools.client.JSON;

public class RoundTrip {
  public static void main(String[] args) throws Exception {
    ObjectMapper mapper = new JSON().getMapper();
    ObjectMapper plain = new ObjectMapper();
    JsonNode cases = plain.readTree(new File(args[0]));
    ObjectNode out = plain.createObjectNode();
    for (JsonNode c : cases) {
      String id = c.get("id").asText();
      try {
        Class<?> model;
        try {
          model = Class.forName("org.openapitools.client.model." + c.get("schema").asText());
        } catch (ClassNotFoundException e) {
          model = Object.class; // a free-form object: the client takes and gives a Map
        }
        Object decoded = mapper.readValue(plain.writeValueAsString(c.get("value")), model);
        out.set(id, plain.readTree(mapper.writeValueAsString(decoded)));
      } catch (Throwable e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        out.putObject(id).put("error", text.length() > 500 ? text.substring(0, 500) : text);
      }
    }
    plain.writeValue(new File(args[1]), out);
  }
}
