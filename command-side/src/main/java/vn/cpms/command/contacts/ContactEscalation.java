package vn.cpms.command.contacts;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;
import vn.cpms.command.cases.CaseIntake;
import vn.cpms.kernel.UnknownReferenceException;
import vn.cpms.kernel.cases.ReportCaseCommand;
import vn.cpms.kernel.contacts.ContactReceivedEvent;
import vn.cpms.kernel.contacts.EscalateContactCommand;
import vn.cpms.kernel.contacts.EscalationResult;

/**
 * Hands a contact to a commune: the case is reported (at the contact's time, through the same
 * intake as any report: the child registered if new, the legal clock started) and the contact
 * marked escalated, all in one unit of work. The same escalation sent again answers the first
 * result.
 */
public class ContactEscalation {
  private final Repository<Contact> contacts;
  private final CaseIntake intake;

  public ContactEscalation(Repository<Contact> contacts, CaseIntake intake) {
    this.contacts = contacts;
    this.intake = intake;
  }

  @CommandHandler
  public EscalationResult handle(
      EscalateContactCommand command, MetaData metaData, DeadlineManager deadlineManager)
      throws Exception {
    Aggregate<Contact> contact;
    try {
      contact = contacts.load(command.contactId().toString());
    } catch (AggregateNotFoundException e) {
      throw new UnknownReferenceException("contact");
    }
    if (contact.invoke(c -> c.isEscalatedTo(command.caseId()))) {
      return new EscalationResult(command.caseId(), contact.invoke(Contact::childId));
    }
    contact.execute(Contact::checkEscalation);
    ContactReceivedEvent received = contact.invoke(Contact::received);
    intake.handle(
        new ReportCaseCommand(
            command.caseId(),
            command.childId(),
            command.newChild(),
            received.receivedAt(),
            received.channel(),
            command.areaCode(),
            command.suspectedForms(),
            command.seriousDanger(),
            command.description(),
            null,
            command.contactId()),
        metaData,
        deadlineManager);
    contact.execute(c -> c.escalated(command.caseId(), command.childId(), command.areaCode()));
    return new EscalationResult(command.caseId(), command.childId());
  }
}
