package org.activelabeler.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ReviewTextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Great film.<br />Loved it.",
            "Great film.<br/>Loved it.",
            "Great film.<BR>Loved it.",
            "Great film.<br>Loved it.",
            "Great film.<Br  />Loved it."})
    void lineBreakTagsBecomeLineBreaks(String raw) {
        assertThat(ReviewText.readable(raw)).isEqualTo("Great film.\nLoved it.");
    }

    @Test
    void consecutiveBreakTagsKeepAParagraphBreak() {
        assertThat(ReviewText.readable("One.<br /><br />Two.")).isEqualTo("One.\n\nTwo.");
        assertThat(ReviewText.readable("One.<br /><br /><br /><br />Two.")).isEqualTo("One.\n\nTwo.");
    }

    @Test
    void windows1252PunctuationInC1ControlsBecomesWhatWasMeant() {
        String raw = "wait\u0085 \u0091single\u0092 \u0093double\u0094 \u0095 en\u0096dash em\u0097dash";

        assertThat(ReviewText.readable(raw))
                .isEqualTo("wait\u2026 \u2018single\u2019 \u201Cdouble\u201D \u2022 en\u2013dash em\u2014dash");
    }

    @Test
    void emphasisTagsGoEntitiesBecomeCharactersAndOtherTagsStayAsText() {
        String raw = "<b>bold</b> &amp; <i>italic</i> <script>x</script> a < b > c &lt;p&gt; &#233; &quot;q&quot;";

        assertThat(ReviewText.readable(raw))
                .isEqualTo("bold & italic <script>x</script> a < b > c <p> é \"q\"");
    }

    @Test
    void agNewsEntitiesThatLostTheirAmpersandAreRead() {
        String raw = "Bonds #39; contract costs #36;10 #151; a &lt;b&gt;...&lt;/b&gt; Room #101; stays; AT amp;T said "
                + " quot;fine quot;";

        assertThat(ReviewText.readable(raw))
                .isEqualTo("Bonds ' contract costs $10 \u2014 a ... Room #101; stays; AT&T said \"fine\"");
    }

    @Test
    void plainTextIsUnchanged() {
        assertThat(ReviewText.readable("It's a \"fine\" film, caf\u00e9 \u00e0 la mode."))
                .isEqualTo("It's a \"fine\" film, caf\u00e9 \u00e0 la mode.");
    }
}
