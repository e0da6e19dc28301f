package org.athanor.crystal;

/**
 * The diffractometer's contribution to peak shape and position.
 *
 * <p>Instrument peak: a pseudo-Voigt with FWHM² = U·tan²θ + V·tanθ + W (Caglioti, Paoletti &amp; Ricci, Nucl. Instrum.
 * 3 (1958) 223; degrees²) and Lorentzian fraction {@code eta}.
 *
 * @param radiation    source (emission lines used for the profile)
 * @param u            Caglioti U, deg²
 * @param v            Caglioti V, deg²
 * @param w            Caglioti W, deg²
 * @param eta          Lorentzian fraction of the instrument peak, 0..1
 * @param zeroShiftDeg added to every computed 2θ, degrees (sample displacement / zero error)
 */
public record InstrumentProfile(Radiation radiation, double u, double v, double w, double eta, double zeroShiftDeg) {

    public InstrumentProfile {
        if (radiation == null) {
            throw new IllegalArgumentException("an instrument profile needs a radiation");
        }
        if (!(eta >= 0 && eta <= 1)) {
            throw new IllegalArgumentException("eta must lie in [0, 1], got " + eta);
        }
        if (!(w > 0) || u < 0) {
            throw new IllegalArgumentException("Caglioti W must be > 0 and U ≥ 0, got U=" + u + ", W=" + w);
        }
    }

    /**
     * A typical laboratory Bragg–Brentano instrument with Cu Kα1/Kα2: FWHM ≈ 0.065° at 30° and ≈ 0.075° at 80° 2θ,
     * the order of LaB6 (NIST SRM 660) instrument-function widths on such machines.
     */
    public static InstrumentProfile labDiffractometer() {
        return new InstrumentProfile(Radiation.CU_KA, 0.004, -0.002, 0.0045, 0.5, 0.0);
    }

    /** Instrument FWHM at a Bragg angle θ (radians), degrees. */
    public double fwhm(double theta) {
        double t = Math.tan(theta);
        return Math.sqrt(Math.max(u * t * t + v * t + w, 1e-8));
    }

    public InstrumentProfile withZeroShift(double shiftDeg) {
        return new InstrumentProfile(radiation, u, v, w, eta, shiftDeg);
    }
}
