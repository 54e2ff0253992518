// Typerna finns i types.d.ts; den här modulen finns så att en import av dem också fungerar när programmet körs.
// Genererad av kodkatalog från katalogen kitchen-sink version 2.1.2. Ändra inte för hand.
export {};
