package org.lcz.ingest.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;

/**
 * The web page is served at {@code /} with every script and style it names, from this service
 * (OpenLayers from its webjar): nothing is fetched from elsewhere. (The page itself is driven in a
 * real browser by the demo module's WebPageIT.)
 */
@QuarkusTest
@WithTestResource(LocalStackTestResource.class)
class WebPageFilesTest {
  @Test
  void thePageAndEveryFileItNamesAreServedFromHere() {
    String html =
        given().get("/").then().statusCode(200).contentType("text/html").extract().asString();
    List<String> named = new ArrayList<>();
    Matcher m = Pattern.compile("(?:src|href)=\"([^\"#]+)\"").matcher(html);
    while (m.find()) {
      named.add(m.group(1));
    }
    assertThat(named)
        .contains("/webjars/ol/10.7.0/dist/ol.js", "/webjars/ol/10.7.0/ol.css", "/app.js");
    for (String url : named) {
      assertThat(url).as("served from this service").startsWith("/");
      given().get(url).then().statusCode(200);
    }
    assertThat(given().get("/webjars/ol/10.7.0/dist/ol.js").asString()).contains("ImageStatic");
  }
}
