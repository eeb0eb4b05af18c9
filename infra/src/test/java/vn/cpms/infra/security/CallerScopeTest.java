package vn.cpms.infra.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.cpms.kernel.area.AreaCode;
import vn.cpms.kernel.area.AreaSet;
import vn.cpms.kernel.area.ExpandAreasQuery;

/** Issue 21: a request asks for its caller's areas once, however often it checks them. */
class CallerScopeTest {
  final QueryGateway queries = mock(QueryGateway.class);
  final CallerScope scope = new CallerScope(queries);

  @AfterEach
  void clear() {
    SecurityContextHolder.clearContext();
    RequestContextHolder.resetRequestAttributes();
  }

  void signIn(String username) {
    UserAccount account =
        new UserAccount(
            username, "Worker", Set.of(Role.CASE_WORKER), Set.of(AreaCode.of("06652")), true, null);
    var authorities = Set.of(new SimpleGrantedAuthority("ROLE_CASE_WORKER"));
    SecurityContextHolder.getContext()
        .setAuthentication(
            new UsernamePasswordAuthenticationToken(
                new CpmsUser(account, "{noop}x", 1, authorities), null, authorities));
  }

  @Test
  void a_request_expands_the_callers_areas_once_and_the_next_request_again() {
    when(queries.query(
            any(ExpandAreasQuery.class),
            any(org.axonframework.messaging.responsetypes.ResponseType.class)))
        .thenAnswer(
            call -> CompletableFuture.completedFuture(new AreaSet(Set.of(AreaCode.of("06652")))));
    signIn("worker.a");
    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    assertThat(scope.allows(AreaCode.of("06652"))).isTrue();
    assertThat(scope.allows(AreaCode.of("06653"))).isFalse();
    assertThat(scope.areas()).isPresent();
    verify(queries, times(1))
        .query(
            any(ExpandAreasQuery.class),
            any(org.axonframework.messaging.responsetypes.ResponseType.class));

    RequestContextHolder.setRequestAttributes(
        new ServletRequestAttributes(new MockHttpServletRequest()));
    assertThat(scope.allows(AreaCode.of("06652"))).isTrue();
    verify(queries, times(2))
        .query(
            any(ExpandAreasQuery.class),
            any(org.axonframework.messaging.responsetypes.ResponseType.class));
  }
}
