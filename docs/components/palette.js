// Okabe–Ito: a colour-blind-safe qualitative palette (Okabe & Ito, 2008).
export const OKABE_ITO = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#56B4E9",
  "#D55E00",
  "#F0E442",
  "#000000",
];
export const LOSS = "#D55E00";
export const PROFIT = "#0072B2";

export const LINE_LABELS = {
  fee_for_service: "Fee for service",
  variation: "2017 variation",
  guarantee: "Guarantee",
  pbr: "Payment by results",
  service_credits: "Service credits",
  ict_compensation: "ICT compensation",
  termination: "Termination",
  income_total: "Income",
  staff_cost: "Staff",
  redundancy_cost: "Redundancy",
  non_staff_cost: "Non-staff",
  cost_total: "Costs",
  profit: "Profit / loss",
  fte: "Staff (FTE)",
  workload_index: "Workload index",
};
