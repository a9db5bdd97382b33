package org.lcz.ingest.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;

/** With an API key configured, REST writes need it; reads and the web page stay open. */
@QuarkusTest
@TestProfile(ApiKeyFilterTest.WithKey.class)
@WithTestResource(LocalStackTestResource.class)
class ApiKeyFilterTest {
  /** One key. */
  public static class WithKey implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("lcz.ingest.api-keys", "s3cret-key");
    }
  }

  @Test
  void writesWithoutTheKeyAre401WithAProblemBody() {
    given()
        .contentType("application/json")
        .body("{}")
        .post("/training-runs")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", "Bearer")
        .contentType("application/problem+json")
        .body("detail", containsString("needs the API key"));
    given()
        .contentType("application/json")
        .header("Authorization", "Bearer wrong")
        .body("{\"key\": \"x.tif\"}")
        .post("/scenes/register")
        .then()
        .statusCode(401)
        .body("detail", equalTo("the API key is not valid"));
    given()
        .contentType("image/tiff")
        .queryParam("name", "x.tif")
        .body(new byte[] {1, 2, 3})
        .post("/scenes")
        .then()
        .statusCode(401);
  }

  @Test
  void writesWithTheKeyGoThroughToTheResource() {
    // past the filter: the resource itself answers (a missing key field is a 400 of its own)
    given()
        .contentType("application/json")
        .header("Authorization", "Bearer s3cret-key")
        .body("{}")
        .post("/scenes/register")
        .then()
        .statusCode(400)
        .body("detail", containsString("give the object's key"));
    given()
        .contentType("application/json")
        .header("X-API-Key", "s3cret-key")
        .body("{}")
        .post("/scenes/register")
        .then()
        .statusCode(400);
  }

  @Test
  void readsAndThePageStayOpen() {
    given().get("/scenes").then().statusCode(200);
    given().get("/models").then().statusCode(200);
    given().get("/").then().statusCode(200);
    given().get("/q/health/live").then().statusCode(200);
    given().get("/stac").then().statusCode(200);
    // a STAC search by POST is a read: its body is the query
    given()
        .contentType("application/json")
        .body("{\"limit\": 1}")
        .post("/stac/search")
        .then()
        .statusCode(200);
  }
}
