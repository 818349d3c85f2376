package io.returnsdesk.system;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FormTextTest {

	@Test
	void turnsTagsIntoTextThatMarkdownShowsAsTyped() {
		assertThat(FormText.escape("<script>alert(1)</script>")).isEqualTo("&lt;script\\>alert\\(1\\)&lt;/script\\>");
		assertThat(FormText.escape("<img src=x onerror=\"go()\">"))
			.isEqualTo("&lt;img src=x onerror=&quot;go\\(\\)&quot;\\>");
	}

	@Test
	void keepsMarkdownFromFormattingOrLinking() {
		assertThat(FormText.escape("**bold** [click](javascript:go) # 1. - item"))
			.isEqualTo("\\*\\*bold\\*\\* \\[click\\]\\(javascript:go\\) \\# 1\\. \\- item");
		assertThat(FormText.escape("A & B")).isEqualTo("A &amp; B");
	}

	@Test
	void leavesPlainTextAndChineseAlone() {
		assertThat(FormText.escape("Cracked lid 盖子裂了")).isEqualTo("Cracked lid 盖子裂了");
		assertThat(FormText.escape(null)).isEmpty();
	}

}
