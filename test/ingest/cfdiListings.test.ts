/**
 * Mexico's CFDI (electronic invoices), as an ERP lists them and as the SAT's "Descarga masiva"
 * metadata writes them ("~"-delimited). A tester found them misread silently: an ERP listing read
 * at its Total (with IVA), its E (egreso) credit notes added as sales, its cancelled CFDI counted,
 * its P (pago) payment receipts read as orders in currency "XXX"; "RFC Receptor" refused as no
 * customer; the SAT's metadata not read at all. Figures worked out by hand.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyzeFile } from "./fileAnalysis";

const VOID = "cancelled, voided, refunded or draft order";
const NOT_SALE = "not a sale (a CFDI pago, traslado or nómina)";

function fileOf(name: string, lines: string[]): string {
  const file = join(mkdtempSync(join(tmpdir(), "kap-cfdi-")), name);
  writeFileSync(file, lines.join("\n"));
  return file;
}

const ERP_HEADER =
  "UUID,Serie,Folio,Fecha,RFC Emisor,RFC Receptor,Nombre Receptor,Tipo de Comprobante,SubTotal,Descuento,IVA Trasladado,Total,Moneda,Tipo de Cambio,Estatus";

test("an ERP's CFDI listing: SubTotal less Descuento, E a credit note, P and cancelled skipped, the Receptor the customer", async () => {
  const { report, revenue, orders, names, currency } = await analyzeFile(
    fileOf("cfdi.csv", [
      ERP_HEADER,
      "U-01,A,1000,2025-09-01T09:15:00,DIS900101AB1,FLO850101XY2,Ferretería López,I,7000.00,0.00,1120.00,8120.00,MXN,1,Vigente",
      "U-02,A,1001,2026-01-10T10:00:00,DIS900101AB1,FLO850101XY2,Ferretería López,I,10000.00,0.00,1600.00,11600.00,MXN,1,Vigente",
      "U-03,A,1002,2026-03-05T12:30:00,DIS900101AB1,FLO850101XY2,Ferretería López,I,5000.00,500.00,720.00,5220.00,MXN,1,Vigente",
      "U-04,NC,15,2026-03-20T16:45:00,DIS900101AB1,FLO850101XY2,Ferretería López,E,1000.00,0.00,160.00,1160.00,MXN,1,Vigente",
      "U-05,P,301,2026-04-01T11:00:00,DIS900101AB1,FLO850101XY2,Ferretería López,P,0,0,0,0,XXX,,Vigente",
      "U-06,A,1003,2026-05-15T08:00:00,DIS900101AB1,CNO920202QW3,Constructora Norte,I,20000.00,0.00,3200.00,23200.00,MXN,1,Cancelado",
      "U-07,A,1004,2026-08-01T13:20:00,DIS900101AB1,CNO920202QW3,Constructora Norte,I,8000.00,0.00,1280.00,9280.00,MXN,1,Vigente",
      "U-08,A,1005,2026-09-10T17:05:00,DIS900101AB1,DSU880303ER4,Distribuidora Sur,I,1000.00,0.00,160.00,1160.00,USD,18.50,Vigente",
      "U-09,T,7,2026-09-12T10:00:00,DIS900101AB1,DSU880303ER4,Distribuidora Sur,T,500.00,0.00,0.00,500.00,MXN,1,Vigente",
      "U-10,A,1006,2026-09-15T10:00:00,DIS900101AB1,CNO920202QW3,Constructora Norte,I,2000.00,0.00,320.00,2320.00,MXN,1,Cancelado sin aceptación",
    ])
  );
  // 12 months to 2026-10-31 start 2025-11-01: U-01 (2025-09-01) is before them.
  // FLO: U-02 10,000 + U-03 (5,000 − Descuento 500 = 4,500; its IVA 720 is 16% of 4,500) − U-04
  // 1,000 (egreso) = 13,500; U-05 is a payment receipt, no sale. (At Total it read 11,600 +
  // 5,220 + 1,160 = 17,980.)
  // CNO: U-07 8,000; U-06 and U-10 cancelled. DSU: U-08 1,000 in USD; U-09 a traslado, no sale.
  expect(revenue).toEqual({ FLO850101XY2: 13500, CNO920202QW3: 8000, DSU880303ER4: 1000 });
  // FLO: U-02, U-03 and the credit note U-04 in its 12 months
  expect(orders.CNO920202QW3).toBe(1);
  expect(names.FLO850101XY2).toBe("Ferretería López");
  expect(currency).toEqual({ FLO850101XY2: "MXN", CNO920202QW3: "MXN", DSU880303ER4: "USD" });
  expect(report.read?.layout).toBe("CFDI listing (Mexico)");
  // the payment receipt's "XXX" (no currency) is none of the file's currencies
  expect(Object.keys(report.currencies).sort()).toEqual(["MXN", "USD"]);
  expect(report.returns).toBe(1);
  // skipped and said with their value: U-06 20,000 + U-10 2,000 = 22,000 cancelled (SubTotal);
  // U-05 (0) and U-09 500 no sale
  const cancelled = report.skipped.find((s) => s.rule === VOID);
  expect(cancelled?.rows).toBe(2);
  expect(cancelled?.revenueByCurrency).toEqual({ MXN: 22000 });
  const noSale = report.skipped.find((s) => s.rule === NOT_SALE);
  expect(noSale?.rows).toBe(2);
  expect(noSale?.revenueByCurrency).toEqual({ MXN: 500 });
});

test("types spelt out (Ingreso, Egreso, Pago), 'Estado', 'Subtotal' and 'RFC Cliente' / 'Cliente' read alike", async () => {
  const { revenue, names, report } = await analyzeFile(
    fileOf("cfdi_words.csv", [
      "UUID,Serie,Folio,Fecha,RFC Emisor,RFC Cliente,Cliente,Tipo de Comprobante,Subtotal,Descuento,IVA Trasladado,Total,Moneda,Tipo de Cambio,Estado",
      "U-02,A,1001,2026-01-10T10:00:00,DIS900101AB1,FLO850101XY2,Ferretería López,Ingreso,10000.00,0.00,1600.00,11600.00,MXN,1,Vigente",
      "U-04,NC,15,2026-03-20T16:45:00,DIS900101AB1,FLO850101XY2,Ferretería López,Egreso,1000.00,0.00,160.00,1160.00,MXN,1,Vigente",
      "U-05,P,301,2026-04-01T11:00:00,DIS900101AB1,FLO850101XY2,Ferretería López,Pago,0,0,0,0,XXX,,Vigente",
      "U-06,A,1003,2026-05-15T08:00:00,DIS900101AB1,CNO920202QW3,Constructora Norte,Ingreso,20000.00,0.00,3200.00,23200.00,MXN,1,Cancelado",
      "U-07,A,1004,2026-08-01T13:20:00,DIS900101AB1,CNO920202QW3,Constructora Norte,Ingreso,8000.00,0.00,1280.00,9280.00,MXN,1,Vigente",
    ])
  );
  // FLO: 10,000 − 1,000 = 9,000; CNO: 8,000 (U-06 cancelled)
  expect(revenue).toEqual({ FLO850101XY2: 9000, CNO920202QW3: 8000 });
  expect(names.CNO920202QW3).toBe("Constructora Norte");
  expect(report.skipped.find((s) => s.rule === NOT_SALE)?.rows).toBe(1);
  // one currency (the pago's "XXX" names none): the value skipped as it is
  expect(report.skipped.find((s) => s.rule === VOID)?.revenue).toBe(20000);
});

test("the SAT's metadata, '~'-delimited: Monto (with IVA, said), EfectoComprobante, Estatus 0 cancelled, RfcReceptor the customer", async () => {
  const { report, revenue, names } = await analyzeFile(
    fileOf("metadata.txt", [
      "Uuid~RfcEmisor~NombreEmisor~RfcReceptor~NombreReceptor~RfcPac~FechaEmision~FechaCertificacionSat~Monto~EfectoComprobante~Estatus~FechaCancelacion",
      "U-01~DIS900101AB1~DISTRIBUIDORA INDUSTRIAL~FLO850101XY2~FERRETERIA LOPEZ~SAT970701NN3~2025-09-01 09:15:00~2025-09-01 09:16:10~8120.00~I~1~",
      "U-02~DIS900101AB1~DISTRIBUIDORA INDUSTRIAL~FLO850101XY2~FERRETERIA LOPEZ~SAT970701NN3~2026-01-10 10:00:00~2026-01-10 10:01:02~11600.00~I~1~",
      "U-03~DIS900101AB1~DISTRIBUIDORA INDUSTRIAL~FLO850101XY2~FERRETERIA LOPEZ~SAT970701NN3~2026-03-05 12:30:00~2026-03-05 12:31:40~5220.00~I~1~",
      "U-04~DIS900101AB1~DISTRIBUIDORA INDUSTRIAL~FLO850101XY2~FERRETERIA LOPEZ~SAT970701NN3~2026-03-20 16:45:00~2026-03-20 16:46:00~1160.00~E~1~",
      "U-05~DIS900101AB1~DISTRIBUIDORA INDUSTRIAL~FLO850101XY2~FERRETERIA LOPEZ~SAT970701NN3~2026-04-01 11:00:00~2026-04-01 11:00:30~0.00~P~1~",
      "U-06~DIS900101AB1~DISTRIBUIDORA INDUSTRIAL~CNO920202QW3~CONSTRUCTORA NORTE~SAT970701NN3~2026-05-15 08:00:00~2026-05-15 08:01:00~23200.00~I~0~2026-05-20 10:00:00",
      "U-07~DIS900101AB1~DISTRIBUIDORA INDUSTRIAL~CNO920202QW3~CONSTRUCTORA NORTE~SAT970701NN3~2026-08-01 13:20:00~2026-08-01 13:21:00~9280.00~I~1~",
    ])
  );
  // the metadata has only each CFDI's Total: FLO 11,600 + 5,220 − 1,160 (E) = 15,660 (U-01 is
  // before the 12 months, U-05 a payment); CNO 9,280 (U-06's Estatus 0: cancelled). Before: the
  // file was not read at all ("~" no delimiter); pipe-delimited, 11,600 + 5,220 + 1,160 + 0 =
  // 17,980 and 23,200 + 9,280 = 32,480.
  expect(revenue).toEqual({ FLO850101XY2: 15660, CNO920202QW3: 9280 });
  expect(names.FLO850101XY2).toBe("FERRETERIA LOPEZ");
  expect(report.read?.layout).toBe("SAT CFDI metadata (Mexico)");
  expect(report.skipped.find((s) => s.rule === VOID)?.rows).toBe(1);
  expect(report.skipped.find((s) => s.rule === NOT_SALE)?.rows).toBe(1);
  // the user is told the revenue includes IVA
  expect(report.warnings.join(" ")).toMatch(/IVA and other taxes included/);
});

test("another ERP's listing: Folio Fiscal, Fecha Emisión, Razón Social, 'I - Ingreso' / 'E - Egreso' / 'P - Pago', 'Estado'", async () => {
  const { revenue, names, report } = await analyzeFile(
    fileOf("cfdi_erp2.csv", [
      "Folio Fiscal,Serie,Folio,Fecha Emisión,RFC Emisor,RFC Receptor,Razón Social,Tipo Comprobante,Subtotal,Descuento,IVA 16%,Total,Moneda,Estado",
      'U-02,A,1001,10/01/2026,DIS900101AB1,FLO850101XY2,Ferretería López,I - Ingreso,"10,000.00",0.00,"1,600.00","11,600.00",MXN,Vigente',
      'U-04,NC,15,20/03/2026,DIS900101AB1,FLO850101XY2,Ferretería López,E - Egreso,"1,000.00",0.00,160.00,"1,160.00",MXN,Vigente',
      "U-05,P,301,01/04/2026,DIS900101AB1,FLO850101XY2,Ferretería López,P - Pago,0,0,0,0,XXX,Vigente",
      'U-07,A,1004,01/08/2026,DIS900101AB1,CNO920202QW3,Constructora Norte,I - Ingreso,"8,000.00",0.00,"1,280.00","9,280.00",MXN,Cancelado',
    ])
  );
  // FLO: 10,000 − 1,000 = 9,000; CNO's only CFDI cancelled (8,000 said as skipped)
  expect(revenue).toEqual({ FLO850101XY2: 9000 });
  expect(names.FLO850101XY2).toBe("Ferretería López");
  expect(report.skipped.find((s) => s.rule === VOID)?.revenue).toBe(8000);
  expect(report.skipped.find((s) => s.rule === NOT_SALE)?.rows).toBe(1);
});

test("CFDI received (many issuers, one receiver) are said to look like purchases", async () => {
  const { report } = await analyzeFile(
    fileOf("recibidos.txt", [
      "Uuid~RfcEmisor~NombreEmisor~RfcReceptor~NombreReceptor~RfcPac~FechaEmision~FechaCertificacionSat~Monto~EfectoComprobante~Estatus~FechaCancelacion",
      "R-01~ACE010101AA1~ACEROS DEL NORTE~DIS900101AB1~DISTRIBUIDORA INDUSTRIAL~SAT970701NN3~2026-02-01 09:00:00~2026-02-01 09:01:00~58000.00~I~1~",
      "R-02~TUB020202BB2~TUBERIAS SA~DIS900101AB1~DISTRIBUIDORA INDUSTRIAL~SAT970701NN3~2026-03-01 09:00:00~2026-03-01 09:01:00~23200.00~I~1~",
    ])
  );
  expect(report.warnings.join(" ")).toContain(
    'These CFDI have 2 issuers ("RfcEmisor": ACE010101AA1, TUB020202BB2) and one receiver, DIS900101AB1: they look like CFDI received (recibidos)'
  );
});
