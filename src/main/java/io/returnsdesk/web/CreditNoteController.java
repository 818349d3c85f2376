package io.returnsdesk.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.returnsdesk.catalog.StoreScope;
import io.returnsdesk.finance.CreditNote;
import io.returnsdesk.finance.Notes;
import io.returnsdesk.returns.ReturnQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The credit note (红字) of a confirmed customer return, or the debit note of a supplier
 * return, as JSON or as a printable PDF; for finance and the analysts.
 */
@RestController
@Tag(name = "Finance")
@RequestMapping("/api/returns/{number}")
class CreditNoteController {

	private final Notes notes;

	private final ReturnQueries returns;

	private final CreditNotePdf pdf;

	CreditNoteController(Notes notes, ReturnQueries returns, CreditNotePdf pdf) {
		this.notes = notes;
		this.returns = returns;
		this.pdf = pdf;
	}

	@Operation(summary = "The credit or debit note of a confirmed return (404 before it is confirmed)")
	@GetMapping(path = "/credit-note", produces = MediaType.APPLICATION_JSON_VALUE)
	NoteView note(@PathVariable String number, StoreScope scope) {
		return NoteView.of(find(number, scope));
	}

	/**
	 * The note to print: asked for with {@code Accept: application/pdf}, or by the
	 * {@code .pdf} address, which a link in a page can open. Errors stay problems.
	 */
	@Operation(summary = "The credit or debit note as a printable A4 PDF, in Chinese and English")
	@GetMapping(path = { "/credit-note", "/credit-note.pdf" }, produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> printable(@PathVariable String number, StoreScope scope) {
		NoteView note = NoteView.of(find(number, scope));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(note.number() + ".pdf").build().toString())
			.body(this.pdf.render(note));
	}

	/**
	 * The return's note; 404 for an unknown return (or another store's), or one not
	 * confirmed yet.
	 */
	CreditNote find(String number, StoreScope scope) {
		this.returns.reference(number, scope);
		return this.notes.of(number).orElseThrow(() -> new NoteNotFoundException(number));
	}

	/** A note as the API shows it. */
	record NoteView(String number, CreditNote.Kind kind, String returnNumber, LocalDate issuedOn, String orderNumber,
			String partyCode, String partyName, String storeCode, @Nullable String refundMethod, List<LineView> lines,
			BigDecimal net, BigDecimal tax, BigDecimal gross, BigDecimal restockingFee, BigDecimal paid) {

		static NoteView of(CreditNote note) {
			return new NoteView(note.getNumber(), note.getKind(), note.getReturnNumber(), note.getIssuedOn(),
					note.getOrderNumber(), note.getPartyCode(), note.getPartyName(), note.getStoreCode(),
					note.getRefundMethod(),
					note.getLines()
						.stream()
						.map((line) -> new LineView(line.getLineNo(), line.getSku(), line.getName(), line.getQuantity(),
								line.getUnitPrice(), line.getVatRate(), line.getNet(), line.getTax(), line.getGross()))
						.toList(),
					note.getNet(), note.getTax(), note.getGross(), note.getRestockingFee(), note.getPaid());
		}

	}

	/** A line of a note. */
	@Schema(name = "NoteLine")
	record LineView(int lineNo, String sku, String name, int quantity, BigDecimal unitPrice, BigDecimal vatRate,
			BigDecimal net, BigDecimal tax, BigDecimal gross) {

	}

}
