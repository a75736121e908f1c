// Lays out the diagram (BPMNDI) of BPMN files from their process alone, so that they open in Camunda Modeler.
// Any diagram information already in the file is replaced. Usage: node tools/layout-bpmn.mjs processes/x.bpmn …
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutProcess } from 'bpmn-auto-layout';
import { BpmnModdle } from 'bpmn-moddle';
import camunda from 'camunda-bpmn-moddle/resources/camunda.json' with { type: 'json' };

const BOUNDARY_SPACING = 70;

// bpmn-auto-layout puts the boundary events of one activity almost on top of each other: spread them
// along the activity's lower edge, and their outgoing flows with them.
async function spreadBoundaryEvents(xml) {
  const moddle = new BpmnModdle({ camunda });
  const { rootElement: definitions } = await moddle.fromXML(xml);
  for (const diagram of definitions.diagrams) {
    const shapes = diagram.plane.planeElement.filter((e) => e.$type === 'bpmndi:BPMNShape');
    const edges = diagram.plane.planeElement.filter((e) => e.$type === 'bpmndi:BPMNEdge');
    const byHost = new Map();
    for (const shape of shapes.filter((s) => s.bpmnElement.$type === 'bpmn:BoundaryEvent')) {
      const host = shapes.find((s) => s.bpmnElement === shape.bpmnElement.attachedToRef);
      byHost.set(host, [...(byHost.get(host) ?? []), shape]);
    }
    for (const [host, events] of byHost) {
      events.forEach((event, i) => {
        const dx = host.bounds.x + 10 + i * BOUNDARY_SPACING - event.bounds.x;
        event.bounds.x += dx;
        for (const edge of edges.filter((e) => e.bpmnElement.sourceRef === event.bpmnElement)) {
          edge.waypoint.slice(0, 2).forEach((point) => { point.x += dx; });
        }
      });
      host.bounds.width = Math.max(host.bounds.width, 20 + events.length * BOUNDARY_SPACING);
    }
  }
  return (await moddle.toXML(definitions, { format: true })).xml;
}

for (const file of process.argv.slice(2)) {
  const semantic = readFileSync(file, 'utf8').replace(/\s*<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/g, '');
  writeFileSync(file, await spreadBoundaryEvents(await layoutProcess(semantic)));
  console.log(`laid out ${file}`);
}
