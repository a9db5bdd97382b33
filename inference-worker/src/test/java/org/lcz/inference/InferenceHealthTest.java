package org.lcz.inference;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Tag;
import org.lcz.deploy.testing.LocalStackTestResource;
import org.lcz.service.health.ServiceHealthContract;

/** The service started against the local stack's real broker and S3 server. */
@QuarkusTest
@Tag("quarkus")
@WithTestResource(LocalStackTestResource.class)
class InferenceHealthTest extends ServiceHealthContract {}
