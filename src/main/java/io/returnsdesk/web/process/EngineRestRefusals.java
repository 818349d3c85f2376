package io.returnsdesk.web.process;

import io.returnsdesk.inventory.InsufficientStockException;
import io.returnsdesk.returns.NotRequesterException;
import io.returnsdesk.returns.ReturnNotFoundException;
import io.returnsdesk.returns.ReturnRuleViolation;
import io.returnsdesk.returns.ReturnStateException;
import jakarta.annotation.Priority;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
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
 * possible now or changed by someone else at the same moment (reload and try again);
 * anything else keeps Camunda's answer. The body stays Camunda's {@code {type, message}}.
 */
final class EngineRestRefusals {

	private static final Logger log = LoggerFactory.getLogger(EngineRestRefusals.class);

	private EngineRestRefusals() {
	}

	static Response answer(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			Status status = status(cause);
			if (status != null) {
				log.warn("Refused on /engine-rest with {}: {}", status.getStatusCode(), cause.getMessage());
				ExceptionDto body = ExceptionHandlerHelper.getInstance().fromException(cause);
				return Response.status(status).entity(body).type(MediaType.APPLICATION_JSON_TYPE).build();
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return ExceptionHandlerHelper.getInstance().getResponse(failure);
	}

	private static Status status(Throwable cause) {
		if (cause instanceof AuthorizationException || cause instanceof NotRequesterException) {
			return Status.FORBIDDEN;
		}
		if (cause instanceof BadUserRequestException || cause instanceof ReturnRuleViolation) {
			return Status.BAD_REQUEST;
		}
		if (cause instanceof NotFoundException || cause instanceof NullValueException
				|| cause instanceof ReturnNotFoundException) {
			return Status.NOT_FOUND;
		}
		if (cause instanceof ReturnStateException || cause instanceof InsufficientStockException
				|| cause instanceof OptimisticLockingException || cause instanceof OptimisticLockingFailureException
				|| cause instanceof OptimisticLockException) {
			return Status.CONFLICT;
		}
		return null;
	}

	@Priority(1)
	static class ForRestException implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException exception) {
			return answer(exception);
		}

	}

	@Priority(1)
	static class ForProcessEngineException implements ExceptionMapper<ProcessEngineException> {

		@Override
		public Response toResponse(ProcessEngineException exception) {
			return answer(exception);
		}

	}

	@Priority(1)
	static class ForAnyException implements ExceptionMapper<Throwable> {

		@Override
		public Response toResponse(Throwable exception) {
			return answer(exception);
		}

	}

}
