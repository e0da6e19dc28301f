package org.athanor.instruments.analysis.signal;

/**
 * A peak fitted with a pseudo-Voigt profile, η·L + (1−η)·G with a common full width at half maximum.
 *
 * @param position centre
 * @param height   net height at the centre
 * @param fwhm     full width at half maximum
 * @param eta      Lorentzian fraction, 0 (Gaussian) to 1 (Lorentzian)
 * @param area     integrated net area
 */
public record FittedPeak(double position, double height, double fwhm, double eta, double area) {

    /** Area of a pseudo-Voigt of unit height: η·πΓ/2 + (1−η)·Γ·√(π/(4 ln 2)). */
    static double area(double height, double fwhm, double eta) {
        return height * fwhm * (eta * Math.PI / 2 + (1 - eta) * Math.sqrt(Math.PI / (4 * Math.log(2))));
    }

    /** Value of the unit-height pseudo-Voigt at distance dx from the centre. */
    static double shape(double dx, double fwhm, double eta) {
        double u = dx / (fwhm / 2);
        double lorentz = 1 / (1 + u * u);
        double gauss = Math.exp(-Math.log(2) * u * u);
        return eta * lorentz + (1 - eta) * gauss;
    }
}
