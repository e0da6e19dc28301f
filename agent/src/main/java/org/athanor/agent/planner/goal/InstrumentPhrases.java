package org.athanor.agent.planner.goal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.athanor.units.Units;
import org.athanor.workflow.Quantity;

/**
 * Reads the instrument settings a goal asks for: the XRD scan's 2θ range ("2θ 10–90°", "XRD from 5 to 120 degrees")
 * and the Raman laser line and power ("Raman with the 785 nm laser at 50 mW"). The gate judges them against each
 * instrument's envelope; the planner does not change them.
 */
final class InstrumentPhrases {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String NUM = QuantityPhrases.NUM;
    private static final String DEGREES = "(?:°|º|deg(?:rees?)?\\b)";
    private static final String TWO_THETA = "(?:2\\s*θ|2\\s*Θ|2-?theta|two[\\s-]theta)";
    private static final String TO = "\\s*(?:to|-|–|—|\\.\\.)\\s*";
    /** "2θ 10–90°", "2-theta from 5 to 120 degrees". */
    private static final Pattern RANGE_AFTER_TWO_THETA = Pattern.compile(
            TWO_THETA + "\\s*(?:range\\s*)?(?:=|:|of|from|between)?\\s*" + NUM + "\\s*" + DEGREES + "?" + TO + NUM + "\\s*" + DEGREES + "?", FLAGS);
    /** "10 to 80 degrees 2θ", "from 2 to 150°": a range in degrees, with 2θ after it or an XRD word before it. */
    private static final Pattern RANGE_IN_DEGREES = Pattern.compile(
            "(?:\\bfrom\\s+|\\bbetween\\s+)?" + NUM + "\\s*" + DEGREES + "?" + TO + NUM + "\\s*" + DEGREES
                    + "(?!\\s*(?:C|F|K|celsius|fahrenheit)\\b)(?:\\s*" + TWO_THETA + ")?", FLAGS);
    private static final Pattern XRD_BEFORE = Pattern.compile(
            "(?:XRD|diffraction|diffractogram|scan)\\b[^.;,]{0,25}$", FLAGS);
    private static final Pattern LASER = Pattern.compile(NUM + "\\s*nm\\b(\\s+(?:laser|line|excitation))?", FLAGS);
    private static final Pattern POWER = Pattern.compile(NUM + "\\s*mW\\b()");
    /** A wavelength or power is the laser's when the laser is named right before it or right after ("785 nm laser"). */
    private static final Pattern LASER_BEFORE = Pattern.compile("(?:Raman|laser|excitation|line)\\b[^.;]{0,30}$", FLAGS);

    private InstrumentPhrases() {
    }

    static void read(Draft d) {
        readTwoTheta(d);
        if (Pattern.compile("\\bRaman\\b", FLAGS).matcher(d.goal).find()) {
            readLaser(d);
        }
    }

    private static void readTwoTheta(Draft d) {
        Matcher m = RANGE_AFTER_TWO_THETA.matcher(d.goal);
        if (m.find()) {
            twoTheta(d, m);
            return;
        }
        m = RANGE_IN_DEGREES.matcher(d.goal);
        while (m.find()) {
            boolean marked = m.group().matches("(?s).*" + TWO_THETA.replace("(?:", "(?i:") + "\\s*$")
                    || XRD_BEFORE.matcher(d.goal.substring(Math.max(0, m.start() - 40), m.start())).find();
            if (marked && d.coverage.isFree(m.start(), m.end())) {
                twoTheta(d, m);
                return;
            }
        }
    }

    private static void twoTheta(Draft d, Matcher m) {
        double a = QuantityPhrases.number(m.group(1));
        double b = QuantityPhrases.number(m.group(2));
        d.twoThetaStart = Quantity.of(Math.min(a, b), "deg");
        d.twoThetaEnd = Quantity.of(Math.max(a, b), "deg");
        d.characterization.add("xrd");
        d.coverage.cover(m.start(), m.end());
    }

    private static void readLaser(Draft d) {
        Matcher m = LASER.matcher(d.goal);
        while (d.laserWavelength == null && m.find()) {
            if (ofTheLaser(d, m)) {
                d.laserWavelength = Quantity.of(QuantityPhrases.number(m.group(1)), Units.canonical("nm"));
                d.coverage.cover(m.start(), m.end());
            }
        }
        m = POWER.matcher(d.goal);
        while (d.laserPower == null && m.find()) {
            if (ofTheLaser(d, m)) {
                d.laserPower = Quantity.of(QuantityPhrases.number(m.group(1)), "mW");
                d.coverage.cover(m.start(), m.end());
            }
        }
    }

    private static boolean ofTheLaser(Draft d, Matcher m) {
        boolean namedAfter = m.group(2) != null && !m.group(2).isEmpty();
        return namedAfter || LASER_BEFORE.matcher(d.goal.substring(Math.max(0, m.start() - 45), m.start())).find();
    }
}
