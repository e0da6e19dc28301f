package org.athanor.instruments.formats;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a PANalytical XRDML file (XML; schema {@code http://www.xrdml.com/XRDMeasurement/1.x}). The first scan's
 * {@code dataPoints} holds {@code positions axis="2Theta"} either as {@code startPosition}/{@code endPosition}
 * (points evenly spaced) or as {@code listPositions}, and the intensities as {@code intensities} or {@code counts}
 * (space-separated). Anode material and Kα1 wavelength go to metadata. External entities are disabled.
 */
final class XrdmlReader {

    private XrdmlReader() {
    }

    static XrdPattern read(Path file) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = Files.newInputStream(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            try {
                return parse(xml, file);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
            throw new FormatException(file.toString(), Math.max(line, 0), "not well-formed XML: " + firstLine(e.getMessage()), e);
        } catch (IOException e) {
            throw new FormatException(file.toString(), 0, "cannot read: " + e.getMessage(), e);
        }
    }

    private static XrdPattern parse(XMLStreamReader xml, Path file) throws XMLStreamException {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", "XRDML");
        metadata.put("source", file.getFileName().toString());
        boolean inDataPoints = false;
        boolean in2Theta = false;
        boolean sawRoot = false;
        Double start = null;
        Double end = null;
        double[] list = null;
        double[] intensities = null;
        int intensitiesLine = 0;
        int positionsLine = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                int line = xml.getLocation().getLineNumber();
                if (!sawRoot) {
                    if (!name.equals("xrdMeasurements")) {
                        throw new FormatException(file, line, "root element is <" + name + ">, expected <xrdMeasurements>");
                    }
                    sawRoot = true;
                }
                switch (name) {
                    case "dataPoints" -> inDataPoints = true;
                    case "positions" -> {
                        in2Theta = inDataPoints && "2Theta".equals(xml.getAttributeValue(null, "axis"));
                        if (in2Theta) {
                            positionsLine = line;
                        }
                    }
                    case "startPosition" -> {
                        if (in2Theta) {
                            start = number(file, line, xml.getElementText(), "startPosition");
                        }
                    }
                    case "endPosition" -> {
                        if (in2Theta) {
                            end = number(file, line, xml.getElementText(), "endPosition");
                        }
                    }
                    case "listPositions" -> {
                        if (in2Theta) {
                            list = numbers(file, line, xml.getElementText(), "listPositions");
                        }
                    }
                    case "intensities", "counts" -> {
                        if (inDataPoints && intensities == null) {
                            intensitiesLine = line;
                            intensities = numbers(file, line, xml.getElementText(), name);
                        }
                    }
                    case "anodeMaterial" -> metadata.putIfAbsent("anode", xml.getElementText().strip());
                    case "kAlpha1" -> metadata.putIfAbsent("wavelengthKa1", xml.getElementText().strip());
                    case "kAlpha2" -> metadata.putIfAbsent("wavelengthKa2", xml.getElementText().strip());
                    case "commonCountingTime" -> {
                        if (inDataPoints) {
                            metadata.putIfAbsent("countTime", xml.getElementText().strip()); // seconds per step, as the drivers and the amorphous reading name it
                        }
                    }
                    default -> {
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                if (name.equals("positions")) {
                    in2Theta = false;
                } else if (name.equals("dataPoints")) {
                    if (intensities != null) {
                        break; // the first complete scan is the pattern
                    }
                    inDataPoints = false;
                }
            }
        }
        if (!sawRoot) {
            throw new FormatException(file, 0, "no XML content");
        }
        if (intensities == null) {
            throw new FormatException(file, 0, "no <dataPoints> with <intensities> or <counts>");
        }
        double[] twoTheta;
        if (list != null) {
            twoTheta = list;
        } else if (start != null && end != null) {
            twoTheta = new double[intensities.length];
            if (intensities.length < 2) {
                throw new FormatException(file, intensitiesLine, "a pattern needs at least two intensities");
            }
            double step = (end - start) / (intensities.length - 1);
            for (int i = 0; i < twoTheta.length; i++) {
                twoTheta[i] = start + i * step;
            }
        } else {
            throw new FormatException(file, positionsLine, "no 2Theta positions (startPosition/endPosition or listPositions)");
        }
        if (twoTheta.length != intensities.length) {
            throw new FormatException(file, intensitiesLine, twoTheta.length + " 2θ positions but "
                    + intensities.length + " intensities");
        }
        if (twoTheta.length > 1 && twoTheta[1] < twoTheta[0]) {
            twoTheta = reversed(twoTheta);
            intensities = reversed(intensities);
        }
        for (int i = 1; i < twoTheta.length; i++) {
            if (!(twoTheta[i] > twoTheta[i - 1])) {
                throw new FormatException(file, positionsLine, "2θ positions are not monotonic at point " + (i + 1));
            }
        }
        if ("Cu".equalsIgnoreCase(metadata.get("anode"))) {
            metadata.put("radiation", "CuKa");
        }
        return new XrdPattern(twoTheta, intensities, metadata);
    }

    private static double number(Path file, int line, String text, String what) {
        try {
            return Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new FormatException(file, line, what + " is not a number: '" + TwoColumnText.abbreviate(text.strip()) + "'");
        }
    }

    private static double[] numbers(Path file, int line, String text, String what) {
        String t = text.strip();
        if (t.isEmpty()) {
            throw new FormatException(file, line, "<" + what + "> is empty");
        }
        String[] parts = t.split("\\s+");
        List<Double> values = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            try {
                double v = Double.parseDouble(parts[i]);
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                values.add(v);
            } catch (NumberFormatException e) {
                throw new FormatException(file, line, "<" + what + "> value " + (i + 1) + " is not a number: '" + parts[i] + "'");
            }
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] reversed(double[] a) {
        double[] r = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            r[i] = a[a.length - 1 - i];
        }
        return r;
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().reduce((a, b) -> b).orElse(s).strip();
    }
}
