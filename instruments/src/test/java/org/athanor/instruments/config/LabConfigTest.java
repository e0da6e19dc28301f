package org.athanor.instruments.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabConfigTest {

    @TempDir
    Path dir;

    private static final String FURNACE = """
            name: test-lab
            instruments:
              - id: furnace-a
                kind: furnace
                protocol: opcua
                endpoint: opc.tcp://127.0.0.1:4840/athanor
                limits:
                  maxTemperatureC: 1200
                  maxRampCPerMin: 10
                  slots: 4
                  gases: [air]
            """;

    private Path write(String name, String yaml) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, yaml);
        return p;
    }

    @Test
    void defaultLabHoldsTheEightInstrumentsOfRulesSectionOneWithTheirProtocols() {
        LabConfig lab = LabConfig.defaultLab();
        assertThat(lab.instruments()).extracting(InstrumentConfig::id).containsExactly("dispenser-1", "mill-1", "robot-1",
                "box-furnace-1", "box-furnace-2", "tube-furnace-1", "xrd-1", "raman-1");
        assertThat(lab.ofKind(InstrumentKind.FURNACE)).allMatch(i -> i.protocol() == Protocol.OPCUA);
        assertThat(lab.instrument("xrd-1").orElseThrow().protocol()).isEqualTo(Protocol.MQTT);
        assertThat(lab.instrument("raman-1").orElseThrow().protocol()).isEqualTo(Protocol.MQTT);
    }

    @Test
    void defaultLabCarriesTheRulesLimits() {
        LabConfig lab = LabConfig.defaultLab();
        Limits box = lab.instrument("box-furnace-2").orElseThrow().limits();
        assertThat(box.maxTemperatureC()).isEqualTo(1200);
        assertThat(box.maxRampCPerMin()).isEqualTo(10);
        assertThat(box.slots()).isEqualTo(4);
        assertThat(box.gases()).containsExactly("air");
        Limits tube = lab.instrument("tube-furnace-1").orElseThrow().limits();
        assertThat(tube.maxTemperatureC()).isEqualTo(1500);
        assertThat(tube.maxH2Percent()).isEqualTo(4);
        assertThat(tube.slots()).isEqualTo(1);
        assertThat(tube.gases()).contains("air", "O2", "N2", "Ar", "H2/Ar", "H2/N2").doesNotContain("H2");
        Limits doser = lab.instrument("dispenser-1").orElseThrow().limits();
        assertThat(doser.minDoseMg()).isEqualTo(5);
        assertThat(doser.maxDoseMg()).isEqualTo(20_000);
        assertThat(lab.instrument("mill-1").orElseThrow().limits().maxDurationMin()).isEqualTo(60);
        assertThat(lab.instrument("robot-1").orElseThrow().limits().maxPickTemperatureC()).isEqualTo(100);
        Limits xrd = lab.instrument("xrd-1").orElseThrow().limits();
        assertThat(xrd.twoThetaMinDeg()).isEqualTo(5);
        assertThat(xrd.twoThetaMaxDeg()).isEqualTo(140);
        assertThat(lab.instrument("raman-1").orElseThrow().limits().lasers())
                .containsExactly(new Limits.Laser(532, 100), new Limits.Laser(785, 100));
    }

    @Test
    void defaultLabCruciblesFollowRulesSectionTwo() {
        LabConfig lab = LabConfig.defaultLab();
        assertThat(lab.crucible("alumina").orElseThrow().maxTemperatureC()).isEqualTo(1700);
        assertThat(lab.crucible("quartz").orElseThrow().maxTemperatureC()).isEqualTo(1100);
        assertThat(lab.crucible("platinum").orElseThrow().maxTemperatureC()).isEqualTo(1400);
        assertThat(lab.crucible("zirconia").orElseThrow().maxTemperatureC()).isNull();
        assertThat(lab.crucibles()).allMatch(c -> c.capacityG() == 15.0);
        assertThat(lab.crucible("graphite").orElseThrow().restrictions().get(0).atmospheres()).contains("air");
        assertThat(lab.inventory()).containsKeys("BaCO3", "TiO2");
    }

    @Test
    void endpointsCanBeReplacedAtRunTime() {
        LabConfig lab = LabConfig.defaultLab()
                .withProtocolEndpoint(Protocol.OPCUA, "opc.tcp://127.0.0.1:50123/athanor")
                .withEndpoint("xrd-1", "tcp://127.0.0.1:41883");
        assertThat(lab.instrument("box-furnace-1").orElseThrow().endpoint()).isEqualTo("opc.tcp://127.0.0.1:50123/athanor");
        assertThat(lab.instrument("xrd-1").orElseThrow().endpoint()).isEqualTo("tcp://127.0.0.1:41883");
        assertThat(lab.instrument("raman-1").orElseThrow().endpoint()).isEqualTo("tcp://127.0.0.1:1883");
        assertThatThrownBy(() -> lab.withEndpoint("xrd-9", "tcp://x:1")).hasMessageContaining("xrd-9");
    }

    @Test
    void loadsAFileWithNodeOverridesForAVendorAddressSpace() throws IOException {
        Path p = write("vendor.yaml", FURNACE + """
                    nodes:
                      temperature: "nsu=urn:vendor:kiln;s=Kiln1.PV"
                      startProgram: {node: "/Objects/3:Kiln1/3:RunRecipe", object: "/Objects/3:Kiln1"}
                """);
        InstrumentConfig furnace = LabConfig.load(p).instrument("furnace-a").orElseThrow();
        assertThat(furnace.nodes().get("temperature")).isEqualTo(NodeRef.of("nsu=urn:vendor:kiln;s=Kiln1.PV"));
        assertThat(furnace.nodes().get("startProgram").object()).isEqualTo("/Objects/3:Kiln1");
        assertThat(furnace.nodes().get("startProgram").isBrowsePath()).isTrue();
    }

    @Test
    void rejectsUnknownKeyWithLineAndKnownKeys() throws IOException {
        Path p = write("lab.yaml", FURNACE.replace("      slots: 4\n", "      slots: 4\n      maxTemp: 1300\n"));
        assertThatThrownBy(() -> LabConfig.load(p))
                .isInstanceOfSatisfying(LabConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(11);
                    assertThat(e.reason()).contains("unknown key 'maxTemp'").contains("maxTemperatureC");
                })
                .hasMessageStartingWith(p + ":11");
    }

    @Test
    void rejectsAnInlinePasswordBecauseSecretsLiveOutsideTheFile() throws IOException {
        Path p = write("lab.yaml", FURNACE.replace("    limits:\n", "    credentials: {username: lab, password: hunter2}\n    limits:\n"));
        assertThatThrownBy(() -> LabConfig.load(p)).isInstanceOfSatisfying(LabConfigException.class, e -> {
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.reason()).contains("unknown key 'password'").contains("passwordEnv");
        });
    }

    @Test
    void rejectsInstrumentWithoutId() throws IOException {
        Path p = write("lab.yaml", FURNACE.replace("  - id: furnace-a\n    kind", "  - kind"));
        assertThatThrownBy(() -> LabConfig.load(p)).isInstanceOfSatisfying(LabConfigException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.reason()).contains("has no 'id'");
        });
    }

    @Test
    void rejectsWrongTypeNamingTheField() throws IOException {
        Path p = write("lab.yaml", FURNACE.replace("maxTemperatureC: 1200", "maxTemperatureC: very hot"));
        assertThatThrownBy(() -> LabConfig.load(p)).isInstanceOfSatisfying(LabConfigException.class, e -> {
            assertThat(e.line()).isEqualTo(8);
            assertThat(e.reason()).contains("maxTemperatureC");
        });
    }

    @Test
    void rejectsDuplicateIdsPointingAtTheSecond() throws IOException {
        String second = FURNACE.substring(FURNACE.indexOf("  - id:"));
        Path p = write("lab.yaml", FURNACE + second);
        assertThatThrownBy(() -> LabConfig.load(p)).isInstanceOfSatisfying(LabConfigException.class, e -> {
            assertThat(e.line()).isEqualTo(12);
            assertThat(e.reason()).contains("duplicate instrument id 'furnace-a'").contains("line 3");
        });
    }

    @Test
    void rejectsDuplicateKeysInOneMapping() throws IOException {
        Path p = write("lab.yaml", FURNACE.replace("      slots: 4\n", "      slots: 4\n      slots: 6\n"));
        assertThatThrownBy(() -> LabConfig.load(p)).isInstanceOfSatisfying(LabConfigException.class, e -> {
            assertThat(e.line()).isEqualTo(11);
            assertThat(e.reason()).contains("slots");
        });
    }

    @Test
    void rejectsUnknownProtocol() throws IOException {
        Path p = write("lab.yaml", FURNACE.replace("protocol: opcua", "protocol: modbus"));
        assertThatThrownBy(() -> LabConfig.load(p)).isInstanceOfSatisfying(LabConfigException.class, e -> {
            assertThat(e.line()).isEqualTo(5);
            assertThat(e.reason()).contains("unknown protocol 'modbus'");
        });
    }

    @Test
    void rejectsEndpointOfTheWrongScheme() throws IOException {
        Path p = write("lab.yaml", FURNACE.replace("opc.tcp://127.0.0.1:4840/athanor", "tcp://127.0.0.1:1883"));
        assertThatThrownBy(() -> LabConfig.load(p)).isInstanceOfSatisfying(LabConfigException.class, e -> {
            assertThat(e.line()).isEqualTo(6);
            assertThat(e.reason()).contains("must start with opc.tcp://");
        });
    }

    @Test
    void rejectsFurnaceWithoutMaximumTemperature() throws IOException {
        Path p = write("lab.yaml", FURNACE.replace("      maxTemperatureC: 1200\n", ""));
        assertThatThrownBy(() -> LabConfig.load(p)).isInstanceOfSatisfying(LabConfigException.class, e -> {
            assertThat(e.line()).isEqualTo(8);
            assertThat(e.reason()).contains("'furnace-a' needs limits.maxTemperatureC");
        });
    }

    @Test
    void rejectsHydrogenGasWithoutAnH2Limit() throws IOException {
        Path p = write("lab.yaml", FURNACE.replace("gases: [air]", "gases: [air, H2/Ar]"));
        assertThatThrownBy(() -> LabConfig.load(p)).isInstanceOfSatisfying(LabConfigException.class,
                e -> assertThat(e.reason()).contains("maxH2Percent"));
    }

    @Test
    void rejectsCapabilityTheKindDoesNotHave() throws IOException {
        Path p = write("lab.yaml", FURNACE.replace("    limits:\n", "    capabilities: [heat, dispense]\n    limits:\n"));
        assertThatThrownBy(() -> LabConfig.load(p)).isInstanceOfSatisfying(LabConfigException.class, e -> {
            assertThat(e.line()).isEqualTo(7);
            assertThat(e.reason()).contains("cannot 'dispense'");
        });
    }

    @Test
    void rejectsUnknownCapabilityNode() throws IOException {
        Path p = write("lab.yaml", FURNACE + "    nodes:\n      temprature: \"ns=2;i=5\"\n");
        assertThatThrownBy(() -> LabConfig.load(p)).isInstanceOfSatisfying(LabConfigException.class, e -> {
            assertThat(e.line()).isEqualTo(13);
            assertThat(e.reason()).contains("unknown capability node 'temprature'");
        });
    }

    @Test
    void rejectsMalformedYamlWithItsLine() throws IOException {
        Path p = write("lab.yaml", "name: x\ninstruments:\n  - id: [unclosed\n");
        assertThatThrownBy(() -> LabConfig.load(p)).isInstanceOf(LabConfigException.class).hasMessageContaining("lab.yaml:");
    }

    @Test
    void resolvesPasswordFromTheNamedEnvironmentVariableOrFile() throws IOException {
        Credentials env = new Credentials("lab", "LAB_PW", null);
        assertThat(env.password(Map.of("LAB_PW", "s3cret"), dir)).contains("s3cret");
        assertThatThrownBy(() -> env.password(Map.of(), dir)).hasMessageContaining("LAB_PW").hasMessageContaining("not set");
        Files.writeString(dir.resolve("pw.txt"), "from-file\n");
        assertThat(new Credentials("lab", null, "pw.txt").password(Map.of(), dir)).contains("from-file");
    }
}
