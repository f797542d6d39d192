package course.runner.site;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads every page of a rendered book in the browser and lists what a reader would trip over: a
 * script error, a script or stylesheet that did not load, an image that did not load, a link to a
 * file that does not exist or to an anchor that is not on its page.
 */
final class SiteCheck {

  private SiteCheck() {}

  static List<String> problems(Browser browser, Path site, Summary summary) {
    var problems = new ArrayList<String>();
    var idsByPage = new HashMap<Path, Set<String>>();
    var links = new LinkedHashMap<String, String>(); // link -> the page it was first seen on
    for (var entry : summary.entries()) {
      var page = site.resolve(entry.html());
      browser.open(page);
      for (var error : browser.errors()) {
        problems.add(entry.html() + ": " + error);
      }
      List<String> brokenImages =
          browser.eval(
              "return Array.from(document.images)"
                  + ".filter(i => !i.complete || i.naturalWidth === 0)"
                  + ".map(i => i.getAttribute('src'));");
      for (var image : brokenImages) {
        problems.add(entry.html() + ": the image " + image + " did not load");
      }
      List<String> ids =
          browser.eval("return Array.from(document.querySelectorAll('[id]')).map(e => e.id);");
      idsByPage.put(page.normalize(), Set.copyOf(ids));
      List<String> hrefs =
          browser.eval("return Array.from(document.querySelectorAll('a[href]')).map(a => a.href);");
      for (var href : hrefs) {
        if (href.startsWith("file:")) {
          links.putIfAbsent(href, entry.html());
        }
      }
    }
    for (Map.Entry<String, String> link : links.entrySet()) {
      var uri = URI.create(link.getKey());
      var file = Path.of(URI.create(link.getKey().split("#", 2)[0])).normalize();
      var fragment = uri.getFragment();
      if (!Files.exists(file)) {
        problems.add(link.getValue() + ": links to " + file + ", which does not exist");
      } else if (fragment != null && !fragment.isEmpty() && file.startsWith(site)) {
        var ids = idsByPage.computeIfAbsent(file, f -> idsOf(browser, f));
        if (!ids.contains(fragment)) {
          problems.add(
              link.getValue()
                  + ": links to #"
                  + fragment
                  + " on "
                  + site.relativize(file)
                  + ", which has no such anchor");
        }
      }
    }
    return problems;
  }

  private static Set<String> idsOf(Browser browser, Path page) {
    browser.open(page);
    List<String> ids =
        browser.eval("return Array.from(document.querySelectorAll('[id]')).map(e => e.id);");
    return Set.copyOf(ids);
  }
}
