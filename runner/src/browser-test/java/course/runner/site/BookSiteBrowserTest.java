package course.runner.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The book's site, rendered from the real {@code book/} and read in a real browser: every page
 * loads without a script error or a missing image, every internal link leads somewhere, the search
 * finds a word of every chapter, the arrow keys turn the pages, and the themes follow the system.
 * Screenshots of one chapter in both themes are kept in {@code target/book-screenshots/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(300)
class BookSiteBrowserTest {

  private static final Path ROOT =
      Path.of(System.getProperty("course.root", "..")).toAbsolutePath().normalize();
  private static final Path TARGET = ROOT.resolve("runner/target");

  private Browser browser;
  private Path site;
  private Summary summary;

  @BeforeAll
  void renderTheBookAndStartTheBrowser() throws IOException {
    if (!Browser.available()) {
      var hint =
          "No headless browser here: install Debian's chromium and chromium-driver (.ci/run does),"
              + " or set COURSE_CHROMIUM and COURSE_CHROMEDRIVER.";
      if (System.getenv("CI") != null) {
        fail(hint);
      }
      Assumptions.abort(hint);
    }
    site = TARGET.resolve("book-site-test");
    // The learner's progress as the sidebar shows it: 00 done, 01 the current one.
    Map<String, String> states = Map.of("00_welcome", "done", "01_sequential", "current");
    new BookSite(ROOT.resolve("book"), site, ROOT, states::get).render();
    summary = Summary.parse(Files.readString(ROOT.resolve("book/SUMMARY.md")));
    browser = new Browser();
  }

  @AfterAll
  void stopTheBrowser() throws IOException {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void every_page_loads_without_a_script_error_a_missing_image_or_a_broken_link() {
    var problems = SiteCheck.problems(browser, site, summary);
    assertEquals(List.of(), problems, "The book's site has problems a reader would trip over.");
  }

  @Test
  void the_check_finds_a_broken_link_a_missing_image_and_a_script_error() throws IOException {
    // A book with one of each mistake: the check above must be able to fail.
    var book = Files.createDirectories(TARGET.resolve("broken-book/book"));
    Files.writeString(book.resolve("SUMMARY.md"), "# Summary\n\n- [One](01_one.md)\n");
    Files.writeString(
        book.resolve("01_one.md"),
        """
        # One

        A [link to nowhere](02_missing.md), an [anchor that is not there](#nowhere),
        and ![an image that is not there](img/none.png).

        <script>notAFunction();</script>
        """);
    var broken = TARGET.resolve("broken-book/site");
    new BookSite(book, broken, book.getParent(), BookSite.Progress.NONE).render();
    var problems =
        String.join(
            "\n",
            SiteCheck.problems(
                browser, broken, Summary.parse(Files.readString(book.resolve("SUMMARY.md")))));
    assertTrue(problems.contains("02_missing.md, which does not exist"), problems);
    assertTrue(problems.contains("#nowhere"), problems);
    assertTrue(problems.contains("img/none.png did not load"), problems);
    assertTrue(problems.contains("script error"), problems);
  }

  @Test
  void the_search_finds_a_word_of_every_chapter() {
    var misses = new ArrayList<String>();
    for (var entry : summary.entries()) {
      browser.open(site.resolve(entry.html()));
      var word = rarestLongWord(entry);
      browser.open(site.resolve(summary.entries().getFirst().html()));
      var search = browser.driver().findElement(By.id("search"));
      search.sendKeys(word);
      var hits =
          browser.driver().findElements(By.cssSelector("#search-results a")).stream()
              .map(a -> a.getAttribute("href"))
              .toList();
      if (hits.stream().noneMatch(href -> href.contains("/" + entry.html()))) {
        misses.add("\"" + word + "\" (from " + entry.html() + ") found " + hits);
      }
    }
    assertEquals(List.of(), misses, "The search missed a chapter's own words.");
  }

  @Test
  void the_arrow_keys_turn_the_pages_but_not_while_typing_in_the_search_box() {
    var pages = summary.entries();
    browser.open(site.resolve(pages.get(1).html()));
    body().sendKeys(Keys.ARROW_RIGHT);
    assertTrue(current().endsWith("/" + pages.get(2).html()), "→ should open the next chapter");
    body().sendKeys(Keys.ARROW_LEFT);
    assertTrue(current().endsWith("/" + pages.get(1).html()), "← should open the previous one");
    browser.driver().findElement(By.id("search")).sendKeys("lock" + Keys.ARROW_LEFT);
    assertTrue(current().endsWith("/" + pages.get(1).html()), "← in the search box moved on");
  }

  @Test
  void the_sidebar_lists_every_chapter_with_the_learners_progress() {
    browser.open(site.resolve(summary.entries().get(2).html()));
    var items = browser.driver().findElements(By.cssSelector(".chapters li:not(.section) a"));
    assertEquals(
        summary.entries().stream().map(Summary.Entry::title).toList(),
        items.stream().map(WebElement::getText).toList());
    assertEquals("done", classOf("00_welcome.html"));
    assertEquals("current", classOf("01_sequential.html"));
    assertEquals("active", classOf(summary.entries().get(2).html()));
  }

  @Test
  void every_chapter_with_an_exercise_names_its_files_and_commands() {
    for (var entry : summary.entries()) {
      if (entry.exercise() == null) {
        continue;
      }
      browser.open(site.resolve(entry.html()));
      var cards = browser.driver().findElements(By.cssSelector(".exercise-card"));
      assertEquals(1, cards.size(), entry.html() + " should have one exercise card");
      var card = cards.getFirst().getText();
      assertTrue(card.contains("./verify.sh hint " + entry.exercise().substring(0, 2)), card);
      assertFalse(
          cards.getFirst().findElements(By.cssSelector("a.stub")).isEmpty(),
          entry.html() + ": the card links no stub file");
    }
  }

  @Test
  void code_is_highlighted_and_the_theme_follows_the_system() throws IOException {
    var page =
        summary.entries().stream()
            .filter(e -> e.file().equals("03_threads.md"))
            .findFirst()
            .orElse(summary.entries().getFirst());
    var shots = TARGET.resolve("book-screenshots");
    browser.theme("light");
    browser.open(site.resolve(page.html()));
    assertFalse(
        browser.driver().findElements(By.cssSelector("pre code.hljs span")).isEmpty(),
        "no highlighted code on " + page.html());
    String light = browser.eval("return getComputedStyle(document.body).backgroundColor;");
    browser.screenshot(shots.resolve(page.html().replace(".html", "-light.png")));
    browser.theme("dark");
    browser.open(site.resolve(page.html()));
    String dark = browser.eval("return getComputedStyle(document.body).backgroundColor;");
    browser.screenshot(shots.resolve(page.html().replace(".html", "-dark.png")));
    browser.theme("light");
    assertEquals("rgb(255, 255, 255)", light);
    assertEquals("rgb(13, 17, 23)", dark, "the dark theme did not follow the system setting");
  }

  /** The longest word of the page's paragraphs: rare enough to find this chapter. */
  private String rarestLongWord(Summary.Entry entry) {
    String text =
        browser.eval(
            "return Array.from(document.querySelectorAll('article p'))"
                + ".map(p => p.textContent).join(' ');");
    return java.util.Arrays.stream(text.split("[^\\p{L}]+"))
        .filter(word -> word.length() >= 6)
        .max(Comparator.comparingInt(String::length))
        .orElse(entry.title().split(" ")[1]);
  }

  private WebElement body() {
    return browser.driver().findElement(By.tagName("body"));
  }

  private String current() {
    return browser.driver().getCurrentUrl();
  }

  private String classOf(String html) {
    return browser
        .driver()
        .findElement(By.cssSelector(".chapters li:has(> a[href='" + html + "'])"))
        .getAttribute("class");
  }
}
