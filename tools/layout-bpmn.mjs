// Lays out the diagram (BPMNDI) of BPMN files from their process alone, so that they open in Camunda Modeler.
// Any diagram information already in the file is replaced. Usage: node tools/layout-bpmn.mjs processes/x.bpmn …
import { readFileSync, writeFileSync } from 'node:fs';
import { layoutProcess } from 'bpmn-auto-layout';

for (const file of process.argv.slice(2)) {
  const semantic = readFileSync(file, 'utf8').replace(/\s*<bpmndi:BPMNDiagram[\s\S]*<\/bpmndi:BPMNDiagram>/, '');
  writeFileSync(file, await layoutProcess(semantic));
  console.log(`laid out ${file}`);
}
