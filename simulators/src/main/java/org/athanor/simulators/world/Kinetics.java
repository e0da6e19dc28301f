package org.athanor.simulators.world;

/**
 * Arrhenius rates and JMAK (Johnson–Mehl–Avrami–Kolmogorov) conversion.
 *
 * <p>A rate is given by its activation energy and the temperature at which it equals 1 per hour, which is easier to
 * judge than a pre-exponential factor. Non-isothermal histories use the additivity rule (Cahn 1956): the reduced time
 * θ = ∫ k(T(t)) dt accumulates over every heating, and the converted fraction is α = 1 − exp(−θⁿ).
 */
public record Kinetics(double activationEnergyKJPerMol, double referenceTemperatureC, double avramiExponent) {

    /** Gas constant, J/(mol·K) (CODATA 2018). */
    public static final double GAS_CONSTANT = 8.314462618;

    public Kinetics {
        if (!(activationEnergyKJPerMol > 0) || !(avramiExponent > 0)) {
            throw new IllegalArgumentException("activation energy and Avrami exponent must be positive");
        }
    }

    /** Rate constant in 1/h at {@code temperatureC}. */
    public double ratePerHour(double temperatureC) {
        double t = temperatureC + 273.15;
        double tRef = referenceTemperatureC + 273.15;
        if (t <= 0) {
            return 0;
        }
        return Math.exp(-activationEnergyKJPerMol * 1000 / GAS_CONSTANT * (1 / t - 1 / tRef));
    }

    /** Converted fraction after reduced time θ (dimensionless, hours × 1/h). */
    public double converted(double reducedTime) {
        if (reducedTime <= 0) {
            return 0;
        }
        return 1 - Math.exp(-Math.pow(reducedTime, avramiExponent));
    }

    /** First-order conversion 1 − exp(−θ), for losses and decompositions. */
    public static double firstOrder(double reducedTime) {
        return reducedTime <= 0 ? 0 : 1 - Math.exp(-reducedTime);
    }
}
