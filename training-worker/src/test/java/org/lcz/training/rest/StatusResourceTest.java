package org.lcz.training.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.lcz.deploy.testing.LocalStackTestResource;
import org.lcz.training.kernels.KernelReport;
import org.lcz.training.kernels.KernelSelfCheck;
import org.lcz.training.model.Msmla;
import org.lcz.training.model.MsmlaBlock;
import org.lcz.training.model.MsmlaVariant;

/** The service as deployed: {@code /status} shows the latest kernel self-check. */
@QuarkusTest
@Tag("quarkus")
@WithTestResource(LocalStackTestResource.class)
class StatusResourceTest {
  @Test
  void theStatusShowsTheDeviceAndTheLatestKernelSelfCheck() {
    KernelReport report;
    try (NDManager manager = NDManager.newBaseManager()) {
      MsmlaBlock net = Msmla.builder().setVariant(MsmlaVariant.MSMLA_18).setBands(3).build();
      net.initialize(manager, DataType.FLOAT32, net.inputShape(2, 16));
      report = KernelSelfCheck.check(net, 2, manager, 1);
    }
    given()
        .get("/status")
        .then()
        .statusCode(200)
        .body("device", equalTo("cpu()"))
        .body("threads", equalTo(1))
        .body("currentRun", equalTo(""))
        .body("kernels.checked", equalTo(report.checked()))
        .body("kernels.routes.size()", equalTo(report.routes().size()))
        .body("kernelSummary", equalTo(report.summary()))
        .body("kernelSummary", startsWith("kernel self-check on cpu()"));
  }
}
