package io.returnsdesk.web;

import java.time.temporal.Temporal;
import java.util.Arrays;

import io.returnsdesk.attachments.AttachmentNotFoundException;
import io.returnsdesk.attachments.AttachmentRefusedException;
import io.returnsdesk.attachments.ReturnAttachments;
import io.returnsdesk.inventory.InsufficientStockException;
import io.returnsdesk.notification.MailNotFoundException;
import io.returnsdesk.notification.MailStateException;
import io.returnsdesk.returns.NotRequesterException;
import io.returnsdesk.returns.ReturnNotFoundException;
import io.returnsdesk.returns.ReturnRuleViolation;
import io.returnsdesk.returns.ReturnStateException;
import io.returnsdesk.sales.OrderNotFoundException;
import io.returnsdesk.webhooks.WebhookNotFoundException;
import io.returnsdesk.webhooks.WebhookStateException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the API as an RFC 7807 problem whose {@code detail} a person can read.
 */
@RestControllerAdvice(basePackageClasses = ApiExceptionHandler.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	@ExceptionHandler(ReturnRuleViolation.class)
	ProblemDetail ruleViolated(ReturnRuleViolation ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "The return breaks a rule", ex.getMessage());
		if (ex.getField() != null) {
			problem.setProperty("field", ex.getField());
		}
		return problem;
	}

	@ExceptionHandler({ ReturnNotFoundException.class, OrderNotFoundException.class, NoteNotFoundException.class,
			ProductNotFoundException.class })
	ProblemDetail notFound(RuntimeException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(NotRequesterException.class)
	ProblemDetail notRequester(NotRequesterException ex) {
		return problem(HttpStatus.FORBIDDEN, "Not yours to do", ex.getMessage());
	}

	@ExceptionHandler(MailNotFoundException.class)
	ProblemDetail mailNotFound(MailNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(MailStateException.class)
	ProblemDetail mailState(MailStateException ex) {
		return problem(HttpStatus.CONFLICT, "Not possible now", ex.getMessage());
	}

	@ExceptionHandler(WebhookNotFoundException.class)
	ProblemDetail webhookNotFound(WebhookNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(WebhookStateException.class)
	ProblemDetail webhookState(WebhookStateException ex) {
		return problem(HttpStatus.CONFLICT, "Not possible now", ex.getMessage());
	}

	@ExceptionHandler({ ReturnStateException.class, InsufficientStockException.class })
	ProblemDetail conflict(RuntimeException ex) {
		return problem(HttpStatus.CONFLICT, "Not possible now", ex.getMessage());
	}

	@ExceptionHandler(IdempotencyKeyReusedException.class)
	ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency-Key reused", ex.getMessage());
		problem.setProperty("field", Idempotency.HEADER);
		return problem;
	}

	@ExceptionHandler(IdempotencyKeyInUseException.class)
	ProblemDetail idempotencyKeyInUse(IdempotencyKeyInUseException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Idempotency-Key in use", ex.getMessage());
		problem.setProperty("field", Idempotency.HEADER);
		return problem;
	}

	@ExceptionHandler(BadRequestException.class)
	ProblemDetail badParameter(BadRequestException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid parameter", ex.getMessage());
		problem.setProperty("field", ex.getParameter());
		return problem;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException ex) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid parameter",
				invalidValue(ex.getValue(), ex.getName(), ex.getRequiredType()));
		problem.setProperty("field", ex.getName());
		return problem;
	}

	/** Query parameters bound to an object, such as the filters of the history search. */
	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		FieldError error = ex.getBindingResult().getFieldError();
		if (error == null) {
			return ResponseEntity.badRequest()
				.body(problem(HttpStatus.BAD_REQUEST, "Invalid parameter", "The request's parameters are not valid"));
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid parameter", invalidValue(
				error.getRejectedValue(), error.getField(), ex.getBindingResult().getFieldType(error.getField())));
		problem.setProperty("field", error.getField());
		return ResponseEntity.badRequest().body(problem);
	}

	private static String invalidValue(Object value, String name, Class<?> type) {
		String detail = "'%s' is not a valid value for %s".formatted(value, name);
		if (type != null && type.isEnum()) {
			return detail + "; choose one of "
					+ String.join(", ", Arrays.stream(type.getEnumConstants()).map(String::valueOf).toList());
		}
		if (type != null && Temporal.class.isAssignableFrom(type)) {
			return detail + "; write a day as yyyy-MM-dd, e.g. 2026-03-31";
		}
		return detail;
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			// a body of unknown length that passed the limit while it was read
			if (cause instanceof RequestBodyTooLargeException tooLarge) {
				return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
					.body(ApiRequestFilter.tooLarge(tooLarge.getLimit()));
			}
		}
		UnreadableBody unreadable = UnreadableBody.of(ex);
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Unreadable request", unreadable.detail());
		if (unreadable.field() != null) {
			problem.setProperty("field", unreadable.field());
		}
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		// the type without its parameters: a charset or boundary is not what is wrong
		MediaType type = ex.getContentType();
		String sent = (type != null) ? "a body of type %s/%s".formatted(type.getType(), type.getSubtype())
				: "a body without a type";
		String accepted = ex.getSupportedMediaTypes().stream().anyMatch(MediaType.APPLICATION_JSON::includes)
				? "send it as application/json" : "send it as " + MediaType.toString(ex.getSupportedMediaTypes());
		ProblemDetail problem = problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported body type",
				"This call does not take %s; %s".formatted(sent, accepted));
		return ResponseEntity.status(HttpStatus.UNSUPPORTED_MEDIA_TYPE).headers(headers).body(problem);
	}

	@ExceptionHandler(AttachmentRefusedException.class)
	ProblemDetail attachmentRefused(AttachmentRefusedException ex) {
		ProblemDetail problem = switch (ex.getReason()) {
			case EMPTY -> problem(HttpStatus.UNPROCESSABLE_ENTITY, "Empty file", ex.getMessage());
			case TOO_LARGE -> problem(HttpStatus.PAYLOAD_TOO_LARGE, "File too large", ex.getMessage());
			case TYPE_NOT_ACCEPTED ->
				problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "File type not accepted", ex.getMessage());
		};
		problem.setProperty("field", "file");
		return problem;
	}

	@ExceptionHandler(AttachmentNotFoundException.class)
	ProblemDetail attachmentNotFound(AttachmentNotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler(MultipartException.class)
	ProblemDetail unreadableUpload(MultipartException ex) {
		return problem(HttpStatus.BAD_REQUEST, "Unreadable upload",
				"The upload is not a readable multipart/form-data request with the file in a part named 'file'");
	}

	// the servlet container stops an upload above the multipart limits before the
	// controller sees the file
	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.PAYLOAD_TOO_LARGE, "File too large",
				"The upload is larger than %d MB, the most a file to attach may have"
					.formatted(ReturnAttachments.MAX_SIZE / (1024 * 1024)));
		problem.setProperty("field", "file");
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Missing file",
				"The upload has no part named '%s'; send the file as multipart/form-data in a part of that name"
					.formatted(ex.getRequestPartName()));
		problem.setProperty("field", ex.getRequestPartName());
		return ResponseEntity.badRequest().body(problem);
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

}
