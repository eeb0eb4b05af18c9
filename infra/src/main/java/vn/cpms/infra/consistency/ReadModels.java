package vn.cpms.infra.consistency;

import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationContext;

/**
 * Which read models a query reads: the processing group of the projection that answers it. A query
 * answered elsewhere (indicators built from several tables, the plan catalogue) reads from every
 * projection, as far as a read that follows a write is concerned.
 */
public class ReadModels implements SmartInitializingSingleton {
  private final ApplicationContext context;
  private volatile Map<Class<?>, Set<String>> byQuery = Map.of();
  private volatile Set<String> all = Set.of();

  public ReadModels(ApplicationContext context) {
    this.context = context;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Map<Class<?>, Set<String>> found = new HashMap<>();
    Set<String> groups = new LinkedHashSet<>();
    for (Object bean : context.getBeansWithAnnotation(ProcessingGroup.class).values()) {
      Class<?> type = AopUtils.getTargetClass(bean);
      String group = type.getAnnotation(ProcessingGroup.class).value();
      for (Method method : type.getMethods()) {
        if (method.isAnnotationPresent(QueryHandler.class) && method.getParameterCount() > 0) {
          found.put(method.getParameterTypes()[0], Set.of(group));
          groups.add(group); // a read model; a policy (no query handler) is read by no query
        }
      }
    }
    all = Set.copyOf(groups);
    byQuery = Map.copyOf(found);
  }

  /** The processing groups whose projections a query of this payload type reads. */
  public Set<String> readBy(Class<?> queryType) {
    return byQuery.getOrDefault(queryType, all);
  }
}
