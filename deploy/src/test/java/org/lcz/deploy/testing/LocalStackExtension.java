package org.lcz.deploy.testing;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.lcz.deploy.stack.LocalStack;

/**
 * {@code @ExtendWith(LocalStackExtension.class)}: makes sure the shared local stack runs before the
 * class's tests and injects it into parameters of type {@link LocalStack}.
 */
public final class LocalStackExtension implements BeforeAllCallback, ParameterResolver {
  @Override
  public void beforeAll(ExtensionContext context) {
    SharedLocalStack.get();
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == LocalStack.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return SharedLocalStack.get();
  }
}
