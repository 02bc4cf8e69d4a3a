import 'reflect-metadata';
describe('toolchain', () => {
  it('emits decorator metadata', () => {
    function Dec(): ClassDecorator { return () => undefined; }
    class A {}
    @Dec() class B { constructor(readonly a: A) {} }
    expect(Reflect.getMetadata('design:paramtypes', B)).toEqual([A]);
  });
});
