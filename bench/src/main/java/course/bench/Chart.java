package course.bench;

import course.bench.Main.Row;
import java.awt.Color;
import java.awt.Font;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.labels.CategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The chart of the largest corpus, drawn with JFreeChart: one group of bars per approach, one bar
 * per worker count, the speed-up over sequential written on each bar.
 */
final class Chart {

  private static final Color[] COLOURS = {
    new Color(0x4C72B0), new Color(0xDD8452), new Color(0x55A868), new Color(0xC44E52),
  };

  private Chart() {}

  static void write(Path png, String title, List<Row> rows) throws IOException {
    System.setProperty("java.awt.headless", "true"); // no display needed
    var dataset = new DefaultCategoryDataset();
    for (var row : rows) {
      dataset.addValue(row.mbPerS(), series(row.workers()), row.label());
    }
    JFreeChart chart =
        ChartFactory.createBarChart(
            title,
            null,
            "MB/s (higher is faster)",
            dataset,
            PlotOrientation.VERTICAL,
            true,
            false,
            false);
    chart.setBackgroundPaint(Color.WHITE);
    chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
    CategoryPlot plot = chart.getCategoryPlot();
    plot.setBackgroundPaint(Color.WHITE);
    plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
    var renderer = (BarRenderer) plot.getRenderer();
    renderer.setBarPainter(new StandardBarPainter());
    renderer.setShadowVisible(false);
    renderer.setItemMargin(0.05);
    for (int i = 0; i < dataset.getRowCount(); i++) {
      renderer.setSeriesPaint(i, COLOURS[i % COLOURS.length]);
    }
    renderer.setDefaultItemLabelGenerator(new SpeedupLabels(rows));
    renderer.setDefaultItemLabelsVisible(true);
    renderer.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    plot.getDomainAxis().setMaximumCategoryLabelLines(2); // long labels wrap, not "..."
    plot.getRangeAxis().setUpperMargin(0.12); // room for the labels above the bars
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 500);
  }

  private static String series(int workers) {
    return workers == 1 ? "1 worker" : workers + " workers";
  }

  /** Writes "1.93x" (the speed-up over sequential) above each bar. */
  private record SpeedupLabels(List<Row> rows) implements CategoryItemLabelGenerator {
    @Override
    public String generateLabel(CategoryDataset dataset, int row, int column) {
      var series = dataset.getRowKey(row).toString();
      var label = dataset.getColumnKey(column).toString();
      for (var r : rows) {
        if (r.label().equals(label) && series(r.workers()).equals(series)) {
          var speedup = Report.speedup(rows, r);
          return speedup.isPresent()
              ? String.format(Locale.ROOT, "%.2fx", speedup.getAsDouble())
              : null;
        }
      }
      return null;
    }

    @Override
    public String generateRowLabel(CategoryDataset dataset, int row) {
      return dataset.getRowKey(row).toString();
    }

    @Override
    public String generateColumnLabel(CategoryDataset dataset, int column) {
      return dataset.getColumnKey(column).toString();
    }
  }
}
