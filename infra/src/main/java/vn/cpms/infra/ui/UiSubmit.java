package vn.cpms.infra.ui;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.springframework.stereotype.Component;
import vn.cpms.infra.web.ApiMessages;
import vn.cpms.infra.web.CommandSender;
import vn.cpms.infra.web.NotFoundException;
import vn.cpms.kernel.InvalidInputException;
import vn.cpms.kernel.RuleViolationException;
import vn.cpms.kernel.UnknownReferenceException;
import vn.cpms.kernel.Violation;
import vn.cpms.kernel.Violations;

/**
 * Runs a form's action (the API controller's own method, so the same checks and the same commands)
 * and turns a refusal into the API's messages on the form: per field for invalid input, for the
 * whole form for a rule of the procedure or a version conflict. An unknown or foreign id still
 * fails (the UI shows its "not found" page); nothing the user typed is logged.
 */
@Component
public class UiSubmit {
  private final ApiMessages messages;

  public UiSubmit(ApiMessages messages) {
    this.messages = messages;
  }

  /** Faults of the fields the running form could not read itself; see {@link #read}. */
  private static final ThreadLocal<List<Violation>> UNREADABLE = new ThreadLocal<>();

  /** The action's result, or {@code null} with the form's messages set. */
  public <T> T run(UiForm form, Supplier<T> action) {
    try {
      T result = CommandSender.holding(action);
      if (UNREADABLE.get() != null) {
        explain(form, new InvalidInputException(UNREADABLE.get()));
        return null;
      }
      return result;
    } catch (RuntimeException e) {
      List<Violation> unreadable = UNREADABLE.get();
      InvalidInputException invalid = invalid(e);
      if (unreadable != null && (e instanceof CommandSender.HeldException || invalid != null)) {
        // the form's own faults with the API's for every other field: all of them at once
        List<Violation> all = new ArrayList<>(unreadable);
        Set<String> read = new HashSet<>();
        unreadable.forEach(f -> read.add(f.field()));
        if (invalid != null) {
          invalid.violations().stream().filter(v -> !read.contains(v.field())).forEach(all::add);
        }
        explain(form, new InvalidInputException(all));
        return null;
      }
      if (!explain(form, e)) {
        throw e;
      }
      return null;
    } finally {
      UNREADABLE.remove();
    }
  }

  /**
   * The end of a form's own reading of its fields (dates, numbers): with faults, the action goes on
   * to collect the API's messages for the other fields, but sends no command (issue 19: one fault
   * per submit frustrated workers).
   */
  public static void read(Violations faults) {
    if (!faults.isEmpty()) {
      UNREADABLE.set(faults.list());
      CommandSender.hold();
    }
  }

  private static InvalidInputException invalid(Throwable e) {
    for (Throwable cause = e; cause != null; cause = next(cause)) {
      if (cause instanceof InvalidInputException invalid) {
        return invalid;
      }
    }
    return null;
  }

  private boolean explain(UiForm form, Throwable e) {
    for (Throwable cause = e; cause != null; cause = next(cause)) {
      if (cause instanceof InvalidInputException invalid) {
        form.problem(messages.get("problem.validation.detail", invalid.violations().size()));
        for (Violation v : invalid.violations()) {
          form.error(v.field(), messages.get("error." + v.code(), v.args()));
        }
        return true;
      }
      if (cause instanceof RuleViolationException rule) {
        form.problem(messages.get("rule." + rule.code(), rule.args()));
        return true;
      }
      if (cause instanceof ConcurrencyException
          || cause instanceof ConflictingAggregateVersionException
          || cause instanceof AggregateStreamCreationException) {
        form.problem(messages.get("problem.version-conflict.detail"));
        return true;
      }
      if (cause instanceof UnknownReferenceException
          || cause instanceof AggregateNotFoundException
          || cause instanceof org.axonframework.eventsourcing.IncompatibleAggregateException) {
        throw new NotFoundException("resource");
      }
      if (!(cause instanceof CommandExecutionException
          || cause instanceof QueryExecutionException
          || cause instanceof CompletionException)) {
        return false;
      }
    }
    return false;
  }

  private static Throwable next(Throwable t) {
    return t.getCause() == t ? null : t.getCause();
  }
}
