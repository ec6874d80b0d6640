package org.telcoai.lakehouse.export;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.SimpleDateFormat;
import java.util.Base64;
import java.util.List;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/** Renders JFreeChart charts to PNG bytes in memory, on a headless AWT: no display, no files, no browser. */
final class ChartImages {

    static final int WIDTH = 960;
    static final int HEIGHT = 440;

    static {
        // Must be set before the first AWT class initialises its toolkit; the driver of a batch job has no display.
        System.setProperty("java.awt.headless", "true");
    }

    /** A palette that stays distinguishable for the first dozen series. */
    private static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728),
        new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f),
        new Color(0xbcbd22), new Color(0x17becf), new Color(0x393b79), new Color(0xad494a),
    };

    static final int PALETTE_SIZE = PALETTE.length;

    private ChartImages() { }

    static boolean headless() {
        return GraphicsEnvironment.isHeadless();
    }

    /** Common look: white background, light grid, readable fonts, distinct series colours. */
    static JFreeChart style(JFreeChart chart) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        if (chart.getPlot() instanceof XYPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setDomainGridlinePaint(new Color(0xdddddd));
            plot.setRangeGridlinePaint(new Color(0xdddddd));
            XYItemRenderer renderer = plot.getRenderer();
            if (renderer instanceof XYLineAndShapeRenderer lines) {
                lines.setDefaultShapesVisible(true);
            }
            int n = plot.getDataset() == null ? 0 : plot.getDataset().getSeriesCount();
            for (int i = 0; i < n; i++) {
                renderer.setSeriesPaint(i, PALETTE[i % PALETTE.length]);
                renderer.setSeriesStroke(i, new BasicStroke(2.2f));
            }
        } else if (chart.getPlot() instanceof CategoryPlot plot) {
            plot.setBackgroundPaint(Color.WHITE);
            plot.setRangeGridlinePaint(new Color(0xdddddd));
            if (plot.getRenderer() instanceof BarRenderer bars) {
                bars.setBarPainter(new StandardBarPainter());
                bars.setShadowVisible(false);
                bars.setItemMargin(0.05);
            }
            int n = plot.getDataset() == null ? 0 : plot.getDataset().getRowCount();
            for (int i = 0; i < n; i++) {
                plot.getRenderer().setSeriesPaint(i, PALETTE[i % PALETTE.length]);
            }
        }
        return chart;
    }

    /**
     * Colours series by name from a fixed order, so a vendor keeps its colour across the per-region charts even
     * when a region ranks vendors differently; names not in the order keep the colour {@link #style} gave them.
     */
    static void colourByKey(JFreeChart chart, List<String> order) {
        if (chart.getPlot() instanceof XYPlot plot && plot.getDataset() != null) {
            for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
                int k = order.indexOf(String.valueOf(plot.getDataset().getSeriesKey(i)));
                if (k >= 0) {
                    plot.getRenderer().setSeriesPaint(i, PALETTE[k % PALETTE.length]);
                }
            }
        }
    }

    static void dateFormat(JFreeChart chart, String pattern) {
        if (chart.getPlot() instanceof XYPlot plot && plot.getDomainAxis() instanceof DateAxis axis) {
            axis.setDateFormatOverride(new SimpleDateFormat(pattern));
        }
    }

    static byte[] png(JFreeChart chart) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
