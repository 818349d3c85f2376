package io.returnsdesk.web.process;

import io.returnsdesk.engine.StoreTenancy;
import io.returnsdesk.inventory.InsufficientStockException;
import io.returnsdesk.returns.CompletedTasks;
import io.returnsdesk.returns.NotRequesterException;
import io.returnsdesk.returns.ReturnNotFoundException;
import io.returnsdesk.returns.ReturnRuleViolation;
import io.returnsdesk.returns.ReturnStateException;
import io.returnsdesk.returns.TaskNoLongerOpenException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NotFoundException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.dto.ExceptionDto;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The engine wraps what a task listener or delegate throws, and Camunda's REST API
 * answers any wrapped exception with 500. A client that completes a task with a missing
 * decision, an unknown warehouse, or as the return's own requester made a mistake it can
 * correct, so the cause decides: 400 bad input, 403 not allowed, 404 not found, 409 not
 * possible now or changed by someone else at the same moment (reload and try again), each
 * a problem (application/problem+json) that keeps Camunda's {@code type} and
 * {@code message}; anything else keeps Camunda's answer.
 */
final class EngineRestRefusals {

	private static final Pattern TASK_COMPLETION = Pattern
		.compile("/?(?:engine/[^/]+/)?task/([^/]+)/(complete|submit-form|resolve)");

	private static final Logger log = LoggerFactory.getLogger(EngineRestRefusals.class);

	private static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");

	private final CompletedTasks completedTasks;

	EngineRestRefusals(CompletedTasks completedTasks) {
		this.completedTasks = completedTasks;
	}

	Response answer(Throwable failure, UriInfo request) {
		Optional<TaskNoLongerOpenException> completedAlready = completedAlready(request);
		if (completedAlready.isPresent()) {
			log.warn("Refused on /engine-rest with 404: {} (was: {})", completedAlready.get().getMessage(),
					failure.toString());
			return refusal(Status.NOT_FOUND, completedAlready.get());
		}
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (isOfAnotherStore(cause)) {
				// as if it were not there: the engine's words would say that it is
				log.warn("Refused on /engine-rest with 404: {}", cause.getMessage());
				return notThere();
			}
			Status status = status(cause);
			if (status != null) {
				log.warn("Refused on /engine-rest with {}: {}", status.getStatusCode(), cause.getMessage());
				return refusal(status, cause);
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return ExceptionHandlerHelper.getInstance().getResponse(failure);
	}

	/**
	 * An RFC 7807 problem, as the application's API answers, that Camunda's clients still
	 * read: {@code type} is Camunda's (the exception's name, a relative URI), and beside
	 * {@code detail} stand Camunda's {@code message} and {@code code}; a broken rule of
	 * returns names its {@code field}.
	 */
	private static Response refusal(Status status, Throwable cause) {
		ExceptionDto camunda = ExceptionHandlerHelper.getInstance().fromException(cause);
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", camunda.getType());
		problem.put("title", status.getReasonPhrase());
		problem.put("status", status.getStatusCode());
		problem.put("detail", camunda.getMessage());
		problem.put("message", camunda.getMessage());
		problem.put("code", camunda.getCode());
		if (cause instanceof ReturnRuleViolation violation && violation.getField() != null) {
			problem.put("field", violation.getField());
		}
		return Response.status(status).entity(problem).type(PROBLEM_JSON).build();
	}

	/** Whether the engine refused a task or instance of a store not the user's. */
	static boolean isOfAnotherStore(Throwable cause) {
		return cause instanceof ProcessEngineException && cause.getMessage() != null
				&& cause.getMessage().contains(StoreTenancy.REFUSED_TENANT);
	}

	private static Response notThere() {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "InvalidRequestException");
		problem.put("title", Status.NOT_FOUND.getReasonPhrase());
		problem.put("status", Status.NOT_FOUND.getStatusCode());
		problem.put("detail", "Not found: no such task or process instance");
		problem.put("message", "Not found: no such task or process instance");
		return Response.status(Status.NOT_FOUND).entity(problem).type(PROBLEM_JSON).build();
	}

	/**
	 * Two users who complete one task at once both pass the engine's first checks; the
	 * loser then fails on whatever the winner changed first (the task's authorizations,
	 * its variables, its row), with 403, 400, 404 or 409. When the failed request
	 * completed a task that has been completed, the answer is 404 and says so, whichever
	 * check failed.
	 */
	private Optional<TaskNoLongerOpenException> completedAlready(UriInfo request) {
		Matcher completion = (request != null) ? TASK_COMPLETION.matcher(request.getPath()) : null;
		return (completion != null && completion.matches()) ? this.completedTasks.refusalToComplete(completion.group(1))
				: Optional.empty();
	}

	private static Status status(Throwable cause) {
		if (cause instanceof AuthorizationException || cause instanceof NotRequesterException) {
			return Status.FORBIDDEN;
		}
		if (cause instanceof BadUserRequestException || cause instanceof ReturnRuleViolation) {
			return Status.BAD_REQUEST;
		}
		if (cause instanceof NotFoundException || cause instanceof NullValueException
				|| cause instanceof ReturnNotFoundException || cause instanceof TaskNoLongerOpenException) {
			return Status.NOT_FOUND;
		}
		if (cause instanceof ReturnStateException || cause instanceof InsufficientStockException
				|| cause instanceof OptimisticLockingException || cause instanceof OptimisticLockingFailureException
				|| cause instanceof OptimisticLockException) {
			return Status.CONFLICT;
		}
		return null;
	}

	ExceptionMapper<RestException> forRestException() {
		return new ForRestException();
	}

	ExceptionMapper<ProcessEngineException> forProcessEngineException() {
		return new ForProcessEngineException();
	}

	ExceptionMapper<Throwable> forAnyException() {
		return new ForAnyException();
	}

	/**
	 * Jersey picks a mapper by the exception type it names: one for each type Camunda
	 * maps, before Camunda's own.
	 */
	@Priority(1)
	private final class ForRestException implements ExceptionMapper<RestException> {

		@Context
		private UriInfo request;

		@Override
		public Response toResponse(RestException exception) {
			return answer(exception, this.request);
		}

	}

	@Priority(1)
	private final class ForProcessEngineException implements ExceptionMapper<ProcessEngineException> {

		@Context
		private UriInfo request;

		@Override
		public Response toResponse(ProcessEngineException exception) {
			return answer(exception, this.request);
		}

	}

	@Priority(1)
	private final class ForAnyException implements ExceptionMapper<Throwable> {

		@Context
		private UriInfo request;

		@Override
		public Response toResponse(Throwable exception) {
			return answer(exception, this.request);
		}

	}

}
