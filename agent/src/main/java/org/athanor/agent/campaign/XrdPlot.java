package org.athanor.agent.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.athanor.instruments.formats.XrdPattern;
import org.athanor.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Writes a measured powder pattern (and optionally the fitted profile) as a PNG, atomically. */
public final class XrdPlot {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private XrdPlot() {
    }

    public static Path write(Path file, XrdPattern measured, double[] fitted, String title) {
        XYChart chart = new XYChartBuilder().width(900).height(450).title(title)
                .xAxisTitle("2θ (°, Cu Kα)").yAxisTitle("intensity (counts)").build();
        chart.getStyler().setLegendVisible(fitted != null);
        chart.getStyler().setMarkerSize(0);
        XYSeries m = chart.addSeries("measured", measured.twoTheta(), measured.intensity());
        m.setMarker(SeriesMarkers.NONE);
        if (fitted != null && fitted.length == measured.size()) {
            XYSeries f = chart.addSeries("fit", measured.twoTheta(), fitted);
            f.setMarker(SeriesMarkers.NONE);
        }
        try {
            AtomicFiles.write(file, tmp -> {
                try (var out = Files.newOutputStream(tmp)) {
                    BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
                }
            });
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + file + ": " + e.getMessage(), e);
        }
    }
}
