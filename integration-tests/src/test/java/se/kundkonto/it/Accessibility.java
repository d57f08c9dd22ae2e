package se.kundkonto.it;

import java.util.List;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.keycloak.testframework.ui.webdriver.ManagedWebDriver;

/**
 * Deque's axe-core, run in the page the browser shows: WCAG 2.0 and 2.1, levels A and AA. Any violation
 * fails the test, listed with rule id, impact, the elements' selectors and what to fix.
 */
public final class Accessibility {

    /** The axe-core tags of WCAG 2.1 A and AA (2.1 adds to 2.0; axe tags each rule with the version that brought it). */
    public static final List<String> WCAG21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    private Accessibility() {}

    public static void assertNoViolations(ManagedWebDriver driver, String pageName) {
        Results results = new AxeBuilder().withTags(WCAG21_AA).analyze(driver.driver());
        if (results.isErrored()) {
            throw new AssertionError(pageName + ": axe-core could not run: " + results.getErrorMessage());
        }
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError(
                    pageName + " (" + results.getUrl() + "): " + violations.size() + " WCAG 2.1 A/AA violation(s)\n"
                            + violations.stream().map(Accessibility::describe).collect(Collectors.joining("\n")));
        }
    }

    private static String describe(Rule rule) {
        return "  " + rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp() + " (" + rule.getHelpUrl() + ")\n"
                + rule.getNodes().stream().map(Accessibility::describe).collect(Collectors.joining("\n"));
    }

    private static String describe(CheckedNode node) {
        return "    at " + node.getTarget() + ": " + node.getHtml()
                + (node.getFailureSummary() == null
                        ? ""
                        : "\n      " + node.getFailureSummary().replace("\n", "\n      "));
    }
}
